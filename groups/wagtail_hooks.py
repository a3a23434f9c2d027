"""Admin and serving hooks of the groupes-pays: members-only explanation, the directory's context hook."""

from django.db.models import Q
from wagtail import hooks

from core.querysets import in_private_section
from directory.models import CONTEXT_HOOK
from events.models import EventPage

from .models import CountryGroupPage, MembersAreaPage
from .privacy import members_only_response, refused_restriction

COLLECTIVITE_EVENTS = 6


@hooks.register("before_serve_page")
def explain_members_only(page, request, serve_args, serve_kwargs):
    """A French explanation instead of the login redirect for a members-only area (see groups/privacy.py)."""
    if not isinstance(page, MembersAreaPage):
        return None
    if refused_restriction(page, request) is None:
        return None
    return members_only_response(page, request, page.get_parent().specific)


@hooks.register(CONTEXT_HOOK)
def collectivite_context(request, collectivite):
    """The live, public groups of a local government (as chair or member) and their upcoming meetings
    (events tagged with one of those groups' countries): three queries, whatever the numbers."""
    groups = list(
        CountryGroupPage.objects.live()
        .exclude(in_private_section())
        .filter(Q(chair=collectivite) | Q(members__collectivite=collectivite))
        .distinct()
        .defer_streamfields()
        .select_related("country")
        .order_by("title")
    )
    roles = dict(collectivite.group_memberships.values_list("page_id", "role"))
    memberships = []
    for group in groups:
        role = "Présidente" if group.chair_id == collectivite.pk else (roles.get(group.pk) or "Membre")
        memberships.append((group, role))
    meetings = []
    if groups:
        countries = [group.country_id for group in groups]
        meetings = list(
            EventPage.objects.upcoming().filter(countries__in=countries).distinct().with_terms()[:COLLECTIVITE_EVENTS]
        )
    return {"memberships": memberships, "meetings": meetings}
