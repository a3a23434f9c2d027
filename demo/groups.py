"""Demo local governments, groupes-pays and their members-only areas, idempotent like the rest of the demo.

One call from demo.builder: ensure_groups(writer, home, countries).
"""

from django.contrib.auth.models import Group
from wagtail.models import PageViewRestriction

from demo.data.groups import COLLECTIVITES, CONTACT_NAME, GROUPS, INDEXES, MEMBERS_AREAS
from demo.data.pages import CONTACT_EMAIL
from directory.models import Collectivite, DirectoryIndexPage
from groups.choices import MEMBERS_GROUP_NAME
from groups.models import CountryGroupIndexPage, CountryGroupPage, GroupMember, MembersAreaPage


def paragraphs(items):
    return [{"type": "paragraph", "value": html} for html in items]


def ensure_collectivites():
    """Local governments by slug, created or brought in line with the data."""
    found = {}
    for name, slug, kind, region, member, website, description in COLLECTIVITES:
        wanted = {"name": name, "kind": kind, "region": region, "is_member": member, "website": website}
        wanted["description"] = description
        collectivite = Collectivite.objects.filter(slug=slug).first()
        if collectivite is None:
            collectivite = Collectivite.objects.create(slug=slug, **wanted)
        elif any(getattr(collectivite, key) != value for key, value in wanted.items()):
            for key, value in wanted.items():
                setattr(collectivite, key, value)
            collectivite.save()
        found[slug] = collectivite
    return found


def ensure_members(page, members):
    """Set the group's members (in order, with roles) when they differ; True when something changed."""
    wanted = [(collectivite.pk, role) for collectivite, role in members]
    current = [(member.collectivite_id, member.role) for member in page.members.order_by("sort_order")]
    if wanted == current:
        return False
    page.members = [
        GroupMember(collectivite=collectivite, role=role, sort_order=index)
        for index, (collectivite, role) in enumerate(members)
    ]
    return True


def ensure_restriction(page, group):
    """The page is restricted to `group` (Wagtail's privacy by group), once."""
    restriction = PageViewRestriction.objects.filter(page=page).first()
    if restriction is None:
        restriction = PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.GROUPS)
    elif restriction.restriction_type != PageViewRestriction.GROUPS:
        restriction.restriction_type = PageViewRestriction.GROUPS
        restriction.save()
    if not restriction.groups.filter(pk=group.pk).exists():
        restriction.groups.add(group)


def ensure_groups(writer, home, countries):
    """The directory, the groupes-pays index, one page per group, their members and members-only areas."""
    collectivites = ensure_collectivites()
    title, slug, intro = INDEXES["directory"]
    writer.upsert(home, DirectoryIndexPage, slug, {"title": title, "intro": intro})
    title, slug, intro = INDEXES["groups"]
    index = writer.upsert(home, CountryGroupIndexPage, slug, {"title": title, "intro": intro})

    group_pages = {}
    for country_name, chair, members, group_intro, presentation in GROUPS:
        country = countries[country_name]
        fields = {
            "title": f"Groupe-pays {country_name}",
            "country": country,
            "intro": group_intro,
            "chair": collectivites[chair],
            "contact_name": CONTACT_NAME,
            "contact_email": CONTACT_EMAIL,
        }
        page = writer.upsert(
            index, CountryGroupPage, country.slug, fields, streams={"presentation": paragraphs(presentation)}
        )
        if ensure_members(page, [(collectivites[member], role) for member, role in members]):
            page.save_revision().publish()
            writer.updated += 1
        group_pages[country_name] = page

    members_group, _ = Group.objects.get_or_create(name=MEMBERS_GROUP_NAME)
    for country_name, area_title, area_slug, area_intro, body in MEMBERS_AREAS:
        area = writer.upsert(
            group_pages[country_name],
            MembersAreaPage,
            area_slug,
            {"title": area_title, "intro": area_intro},
            streams={"body": paragraphs(body)},
        )
        ensure_restriction(area, members_group)
    return index
