"""Calls for projects, contributions or applications: /appels/ and one page per call.

A call's status (ouvert, clôture imminente, clos) comes from its deadline and the clock: no save is
needed when it changes, and the scheduler purges the page cache when a call changes status
(editorial.scheduler). Closed calls stay published as an archive (/appels/?statut=clos).
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page, PageManager
from wagtail.search import index

from core.blocks import DocumentLinkBlock
from core.models import SectionIndexPage, TaggedPage
from core.pagination import paginate
from core.querysets import prefetch_term_names
from core.seo import page_structured_data

from .choices import CallKind, CallStatus
from .filters import CallFilterSet
from .ical import calendar_response
from .querysets import CallPageQuerySet, closing_soon_window


class CallIndexPage(RoutablePageMixin, SectionIndexPage):
    subpage_types = ["calls.CallPage"]

    class Meta:
        verbose_name = "index des appels"

    def calls(self):
        return CallPage.objects.child_of(self)

    @path("")
    def index_view(self, request):
        filterset = CallFilterSet(request.GET, queryset=self.calls().visible())
        calls = paginate(request, filterset.qs.with_terms(), settings.CALLS_PER_PAGE)
        context = {"filter": filterset, "calls": calls, "showing_closed": filterset.status == CallStatus.CLOS}
        return self.render(request, context_overrides=context)

    @path("echeances.ics/")  # served at /appels/echeances.ics, see cuf_cms/urls.py
    def ical_view(self, request):
        """The deadlines of the open calls, as an iCalendar feed."""
        calls = prefetch_term_names(self.calls().open().defer_streamfields())
        return calendar_response(calls, "Appels – Cités Unies France", "echeances")

    def get_ical_url(self, request=None):
        return self.get_url(request) + self.reverse_subpage("ical_view").rstrip("/")


class CallPage(TaggedPage):
    kind = models.CharField(
        "type d’appel",
        max_length=16,
        choices=CallKind.choices,
        default=CallKind.PROJETS,
        help_text="Appel à projets, à candidatures, à manifestation d’intérêt… : affiché et filtrable.",
    )
    funder = models.CharField(
        "financeur ou organisateur",
        max_length=255,
        blank=True,
        help_text="Qui finance ou organise l’appel, par exemple « Ministère de l’Europe et des Affaires étrangères ».",
    )
    audience = models.CharField(
        "public visé",
        max_length=255,
        blank=True,
        help_text="À qui s’adresse l’appel, par exemple « communes et intercommunalités ».",
    )
    opening_date = models.DateField(
        "ouverture", null=True, blank=True, help_text="Date d’ouverture des candidatures. Vide : déjà ouvert."
    )
    deadline = models.DateTimeField("date limite", db_index=True, help_text="Heure de Paris.")
    amount = models.CharField(
        "montant", max_length=255, blank=True, help_text="Par exemple « jusqu’à 20 000 € par projet »."
    )
    eligibility = RichTextField(
        "éligibilité",
        blank=True,
        features=["bold", "italic", "link", "ul", "ol"],
        help_text="Conditions pour candidater.",
    )
    documents = StreamField(
        [("document", DocumentLinkBlock())],
        verbose_name="documents",
        blank=True,
        help_text="Règlement, dossier de candidature… (PDF de préférence).",
    )
    apply_url = models.URLField(
        "lien pour candidater", blank=True, help_text="Adresse du dépôt des candidatures, https://…"
    )

    objects = PageManager.from_queryset(CallPageQuerySet)()

    search_fields = TaggedPage.search_fields + [
        index.SearchField("funder"),
        index.SearchField("audience"),
        index.SearchField("eligibility"),
        index.FilterField("deadline"),
    ]
    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [
                FieldPanel("kind"),
                FieldRowPanel([FieldPanel("funder"), FieldPanel("audience")]),
                FieldRowPanel([FieldPanel("opening_date"), FieldPanel("deadline")]),
                FieldPanel("amount"),
                FieldPanel("apply_url"),
            ],
            heading="L’appel",
        ),
        FieldPanel("intro"),
        FieldPanel("cover"),
        FieldPanel("eligibility"),
        FieldPanel("body"),
        FieldPanel("documents"),
        *TaggedPage.taxonomy_panels,
    ]
    parent_page_types = ["calls.CallIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = "appel"

    @property
    def status(self):
        now = timezone.now()
        if self.deadline <= now:
            return CallStatus.CLOS
        if self.deadline <= now + closing_soon_window():
            return CallStatus.IMMINENT
        return CallStatus.OUVERT

    @property
    def status_label(self):
        return CallStatus(self.status).label

    @property
    def is_closed(self):
        return self.status == CallStatus.CLOS

    def structured_data(self, request):
        """schema.org CreativeWork (there is no "call" type) expiring at the deadline, with funder and audience."""
        fields = {"expires": timezone.localtime(self.deadline).isoformat()}
        if self.opening_date:
            fields["datePublished"] = self.opening_date.isoformat()
        if self.funder:
            fields["funder"] = {"@type": "Organization", "name": self.funder}
        if self.audience:
            fields["audience"] = {"@type": "Audience", "audienceType": self.audience}
        return page_structured_data(self, request, "CreativeWork", **fields)
