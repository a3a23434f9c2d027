"""Groupes-pays: /groupes-pays/ lists the country groups CUF runs, by region; each group has its page
(chair, members, presentation, contact) with its meetings, news and resources found automatically
(events, articles and resources tagged with the group's country, see groups/related.py), and may hold
an "Espace adhérents" restricted to the accounts of member local governments.

A section app: it aggregates content apps (articles, events, resources, directory), which never
import it.
"""

from itertools import groupby

from django.db import models
from django.db.models import Count
from django.utils.functional import cached_property
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from core.blocks import BodyStreamBlock
from core.models import SectionIndexPage
from core.querysets import in_private_section
from core.seo import organization, page_structured_data
from directory.models import Collectivite, directory_url
from taxonomy.models import Country

from . import related


class CountryGroupIndexPage(SectionIndexPage):
    """/groupes-pays/: every group, by region of the world."""

    subpage_types = ["groups.CountryGroupPage"]

    class Meta:
        verbose_name = "index des groupes-pays"

    def groups(self):
        return (
            CountryGroupPage.objects.child_of(self)
            .live()
            .exclude(in_private_section())
            .defer_streamfields()
            .select_related("country", "chair")
            .annotate(member_count=Count("members"))
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        order = {value: position for position, value in enumerate(Country.Region.values)}
        groups = sorted(self.groups(), key=lambda group: (order.get(group.country.region, 99), group.country.name))
        context["regions"] = [
            (Country.Region(region).label, list(members))
            for region, members in groupby(groups, key=lambda group: group.country.region)
        ]
        return context


class CountryGroupPage(Page):
    country = models.OneToOneField(
        Country,
        verbose_name="pays",
        on_delete=models.PROTECT,
        related_name="group_page",
        help_text="Un seul groupe par pays. Réunions, actualités et ressources classées avec ce pays s’affichent "
        "automatiquement sur la page du groupe.",
    )
    intro = models.TextField(
        "chapô", blank=True, help_text="Deux ou trois phrases, affichées dans la liste des groupes."
    )
    presentation = StreamField(
        BodyStreamBlock(),
        verbose_name="présentation",
        blank=True,
        help_text="Histoire, objectifs et actions du groupe-pays.",
    )
    chair = models.ForeignKey(
        Collectivite,
        verbose_name="collectivité présidente",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="chaired_groups",
        help_text="La collectivité qui préside le groupe-pays.",
    )
    contact_name = models.CharField(
        "nom du contact", max_length=160, blank=True, help_text="Personne à contacter, affichée sur la page."
    )
    contact_email = models.EmailField(
        "courriel du contact",
        blank=True,
        help_text="Reçoit les demandes d’accès à l’espace adhérents ; à défaut, le courriel de contact du site.",
    )

    search_fields = Page.search_fields + [
        index.SearchField("intro"),
        index.SearchField("presentation"),
        index.RelatedFields("country", [index.SearchField("name")]),
    ]
    content_panels = Page.content_panels + [
        FieldPanel("country"),
        FieldPanel("intro"),
        FieldPanel("chair"),
        InlinePanel("members", label="Collectivités membres", heading="Membres"),
        FieldPanel("presentation"),
        MultiFieldPanel([FieldRowPanel([FieldPanel("contact_name"), FieldPanel("contact_email")])], heading="Contact"),
    ]
    parent_page_types = ["groups.CountryGroupIndexPage"]
    subpage_types = ["groups.MembersAreaPage"]

    class Meta:
        verbose_name = "groupe-pays"
        verbose_name_plural = "groupes-pays"

    @cached_property
    def member_list(self):
        """The members with their local government, read once for the page and its JSON-LD."""
        return list(self.members.select_related("collectivite").order_by("sort_order", "pk"))

    def members_areas(self):
        """The group's members-only pages: listed by URL only, with a generic label, never their title."""
        if not self.numchild:
            return []
        return list(MembersAreaPage.objects.child_of(self).live().only("pk", "url_path", "path", "depth"))

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(related.group_content(request, self.country))
        context.update(
            members=self.member_list,
            members_areas=self.members_areas(),
            directory_url=directory_url(request),
        )
        return context

    def structured_data(self, request):
        """schema.org Organization: the group, part of CUF, with its member local governments."""
        members = [{"@type": "GovernmentOrganization", "name": member.collectivite.name} for member in self.member_list]
        fields = {"parentOrganization": organization(), "areaServed": {"@type": "Country", "name": self.country.name}}
        if members:
            fields["member"] = members
        if self.contact_email:
            fields["email"] = self.contact_email
        data = page_structured_data(self, request, "Organization", **fields)
        data.pop("inLanguage", None)
        data.pop("publisher", None)
        return data


class GroupMember(Orderable):
    page = ParentalKey(CountryGroupPage, on_delete=models.CASCADE, related_name="members")
    collectivite = models.ForeignKey(
        Collectivite,
        verbose_name="collectivité",
        on_delete=models.CASCADE,
        related_name="group_memberships",
        help_text="Une collectivité membre du groupe-pays.",
    )
    role = models.CharField(
        "rôle",
        max_length=120,
        blank=True,
        help_text="Facultatif, par exemple « Vice-présidente » ou « Chef de file eau ».",
    )

    panels = [FieldPanel("collectivite"), FieldPanel("role")]

    class Meta(Orderable.Meta):
        verbose_name = "collectivité membre"
        verbose_name_plural = "collectivités membres"
        constraints = [models.UniqueConstraint(fields=["page", "collectivite"], name="groups_member_once")]


class MembersAreaPage(Page):
    """A page for member local governments only (minutes, working documents).

    Restrict it in the admin (Confidentialité → « Groupes d’utilisateurs » → « Collectivités adhérentes »):
    the demo content does. Anonymous visitors get a French explanation with a way to ask for access
    (groups/privacy.py), never its content.
    """

    intro = models.TextField("chapô", blank=True, help_text="Une ou deux phrases en tête de la page.")
    body = StreamField(
        BodyStreamBlock(),
        verbose_name="contenu",
        blank=True,
        help_text="Le contenu réservé aux collectivités adhérentes.",
    )

    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("body")]
    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    parent_page_types = ["groups.CountryGroupPage"]
    subpage_types = []

    class Meta:
        verbose_name = "espace adhérents"
        verbose_name_plural = "espaces adhérents"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["group"] = self.get_parent().specific
        return context
