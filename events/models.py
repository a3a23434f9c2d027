import datetime
from types import SimpleNamespace

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Page, PageManager
from wagtail.search import index

from core.models import SectionIndexPage, TaggedPage
from core.pagination import paginate
from core.querysets import TaggedPageQuerySet, prefetch_term_names
from core.seo import page_structured_data
from pagecache.fragments import reused_until_purge_or_time

from .choices import EventFormat, EventStatus
from .filters import EventFilterSet
from .ical import bytes_response, calendar_response, events_calendar
from .seo import event_fields

# Registration on the site (the registrations app, a higher layer) adds its counts to event querysets
# through this hook: each registered function takes an EventPage queryset and returns it annotated
# with `seats_taken` (confirmed registrations). The agenda stays free of any import of that app.
REGISTRATION_COUNTS_HOOK = "annotate_event_registrations"


def with_registration_counts(queryset):
    for annotate in hooks.get_hooks(REGISTRATION_COUNTS_HOOK):
        queryset = annotate(queryset)
    return queryset


def day_bounds(day):
    """Aware start and end of a local calendar day."""
    start = timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))
    end = timezone.make_aware(datetime.datetime.combine(day, datetime.time.max))
    return start, end


# What the iCalendar feed keeps of past events (EventPageQuerySet.for_calendar).
CALENDAR_PAST = datetime.timedelta(days=183)


class EventPageQuerySet(TaggedPageQuerySet):
    def upcoming(self):
        return self.visible().filter(end__gte=timezone.now()).order_by("start", "pk")

    def for_calendar(self):
        """What the iCalendar feed carries: upcoming events and those of the last six months."""
        since = timezone.now() - CALENDAR_PAST
        return self.visible().filter(end__gte=since).order_by("start", "pk")

    def past(self):
        return self.visible().filter(end__lt=timezone.now()).order_by("-start", "-pk")

    def ended_between(self, since, until):
        """Events that moved from upcoming() to past() during (since, until]."""
        return self.visible().filter(end__gt=since, end__lte=until)

    def on_day(self, day):
        start, end = day_bounds(day)
        return self.visible().filter(start__lte=end, end__gte=start).order_by("start", "pk")


# What the iCalendar feed reads of an event (events/ical.py), read as values: no page instance is built for
# an event whose VEVENT is in the fragment cache.
ICAL_FIELDS = (
    "title",
    "url_path",
    "last_published_at",
    "start",
    "end",
    "all_day",
    "intro",
    "online_url",
    "venue",
    "city",
    "format",
    "status",
)


class EventIndexPage(RoutablePageMixin, SectionIndexPage):
    subpage_types = ["events.EventPage"]

    class Meta:
        verbose_name = "agenda"

    def events(self):
        return EventPage.objects.child_of(self)

    def get_ical_url(self, request=None):
        return self.get_url(request) + self.reverse_subpage("ical_view").rstrip("/")

    def filter_events(self, request, events):
        """The FilterSet of ?pays=&thematique=&format=&mois= over `events`."""
        return EventFilterSet(request.GET, queryset=events)

    def render_listing(self, request, events, past):
        filterset = self.filter_events(request, events)
        return self.render(
            request,
            context_overrides={
                "filter": filterset,
                # The agenda lists dates, titles and terms, no picture.
                "events": paginate(
                    request, with_registration_counts(filterset.qs.with_terms()), settings.EVENTS_PER_PAGE
                ),
                "showing_past": past,
            },
        )

    @path("")
    def upcoming_view(self, request):
        return self.render_listing(request, self.events().upcoming(), past=False)

    @path("passes/")
    def past_view(self, request):
        return self.render_listing(request, self.events().past(), past=True)

    @path("agenda.ics/")  # served at /agenda/agenda.ics, see cuf_cms/urls.py
    def ical_view(self, request):
        """iCalendar feed of the agenda, with the same filters as the listing: built once per purge for
        each valid filter, and again when its oldest event leaves the calendar's window."""
        filterset = self.filter_events(request, self.events().for_calendar())

        def build():
            matching = filterset.qs
            rows = [SimpleNamespace(**row) for row in matching.values("pk", *ICAL_FIELDS)]
            events = prefetch_term_names(rows, model=EventPage, keys=matching)
            leaves = min((row.end for row in rows), default=None)
            return events_calendar(events, f"{self.title} – Cités Unies France"), leaves and leaves + CALENDAR_PAST

        if filterset.reuse_key is None:  # an unknown value, ignored with its message: built, never a key
            calendar, _leaves = build()
        else:
            calendar = reused_until_purge_or_time("agenda-ical", (self.pk, filterset.reuse_key), build)
        return bytes_response(calendar, "agenda")


class EventPage(RoutablePageMixin, TaggedPage):
    start = models.DateTimeField("début", db_index=True, help_text="Date et heure de début, heure de Paris.")
    end = models.DateTimeField(
        "fin",
        db_index=True,
        help_text="Date et heure de fin, au plus tôt le début. "
        "L’événement passe dans « Événements passés » une fois terminé.",
    )
    all_day = models.BooleanField(
        "toute la journée",
        default=False,
        help_text="Cochée : les heures ne sont pas affichées et l’événement occupe des journées entières.",
    )
    format = models.CharField(
        "format",
        max_length=12,
        choices=EventFormat.choices,
        default=EventFormat.PRESENTIEL,
        help_text="En présentiel, en ligne ou hybride.",
    )
    venue = models.CharField(
        "lieu", max_length=255, blank=True, help_text="Nom du lieu, par exemple « Hôtel de ville »."
    )
    city = models.CharField(
        "ville", max_length=120, blank=True, help_text="Ville de l’événement, affichée dans l’agenda."
    )
    online_url = models.URLField(
        "lien de connexion", blank=True, help_text="Lien de la visioconférence, pour un événement en ligne ou hybride."
    )
    registration_url = models.URLField(
        "lien d’inscription",
        blank=True,
        help_text="Lien d’un formulaire d’inscription externe. Laissez vide si les inscriptions se font sur le site.",
    )
    registration_deadline = models.DateField(
        "date limite d’inscription",
        null=True,
        blank=True,
        help_text="Dernier jour pour s’inscrire, au plus tard le jour de l’événement.",
    )
    status = models.CharField(
        "statut",
        max_length=10,
        choices=EventStatus.choices,
        default=EventStatus.PREVU,
        help_text="« Annulé » ou « Reporté » : l’événement reste publié avec un badge visible.",
    )
    registration_open = models.BooleanField(
        "inscriptions sur le site",
        default=False,
        help_text="Les personnes s’inscrivent sur le site (formulaire, confirmation par courriel, liste d’attente).",
    )
    capacity = models.PositiveIntegerField(
        "nombre de places",
        null=True,
        blank=True,
        help_text="Vide : sans limite. Au-delà, les inscriptions vont en liste d’attente.",
    )

    objects = PageManager.from_queryset(EventPageQuerySet)()

    search_fields = TaggedPage.search_fields + [
        index.SearchField("venue"),
        index.SearchField("city"),
        index.FilterField("start"),
        index.FilterField("end"),
    ]
    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("start"), FieldPanel("end")]),
                FieldPanel("all_day"),
                FieldPanel("status"),
            ],
            heading="Dates",
        ),
        MultiFieldPanel(
            [
                FieldPanel("format"),
                FieldRowPanel([FieldPanel("venue"), FieldPanel("city")]),
                FieldPanel("online_url"),
                FieldRowPanel([FieldPanel("registration_url"), FieldPanel("registration_deadline")]),
                FieldRowPanel([FieldPanel("registration_open"), FieldPanel("capacity")]),
            ],
            heading="Lieu et inscription",
        ),
        FieldPanel("intro"),
        FieldPanel("cover"),
        FieldPanel("body"),
        *TaggedPage.taxonomy_panels,
    ]
    parent_page_types = ["events.EventIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = "événement"

    def clean(self):
        super().clean()
        errors = {}
        if self.start and self.end and self.end < self.start:
            errors["end"] = "La fin de l’événement doit suivre son début."
        if self.start and self.registration_deadline and self.registration_deadline > timezone.localdate(self.start):
            errors["registration_deadline"] = "La date limite d’inscription doit précéder le début de l’événement."
        if errors:
            raise ValidationError(errors)

    def save(self, *args, **kwargs):
        if self.all_day and self.start and self.end:
            # An all-day event covers whole local days, so "upcoming" stays true until its last day ends.
            self.start = day_bounds(timezone.localdate(self.start))[0]
            self.end = day_bounds(timezone.localdate(self.end))[1]
        super().save(*args, **kwargs)

    @path("evenement.ics/")  # served at /agenda/<slug>/evenement.ics
    def ical_view(self, request):
        """This event as an .ics file that a calendar app imports."""
        return calendar_response([self], self.title, self.slug)

    def get_ical_url(self, request=None):
        return self.get_url(request) + self.reverse_subpage("ical_view").rstrip("/")

    def structured_data(self, request):
        """schema.org Event, rendered as JSON-LD by the meta block."""
        return page_structured_data(self, request, "Event", **event_fields(self))

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        if self.registration_open:
            counted = with_registration_counts(EventPage.objects.filter(pk=self.pk))
            annotated = "seats_taken" in counted.query.annotations
            self.seats_taken = counted.values_list("seats_taken", flat=True).first() if annotated else None
        return context

    @property
    def registration_deadline_passed(self):
        return self.registration_deadline is not None and timezone.localdate() > self.registration_deadline

    @property
    def accepts_registrations(self):
        """Open on the site, not cancelled, before the deadline and before the event starts."""
        return (
            self.registration_open
            and not self.is_cancelled
            and not self.registration_deadline_passed
            and self.start > timezone.now()
        )

    @property
    def is_full(self):
        """Every place taken (from `seats_taken`, annotated by the registrations app)."""
        taken = getattr(self, "seats_taken", None)
        return self.capacity is not None and taken is not None and taken >= self.capacity

    @property
    def registration_label(self):
        """ "Complet", "Inscriptions closes" or "" for the badges of the agenda and the event page."""
        if not self.registration_open or self.is_cancelled:
            return ""
        if not self.accepts_registrations:
            return "Inscriptions closes"
        return "Complet" if self.is_full else ""

    @property
    def is_cancelled(self):
        return self.status == EventStatus.ANNULE

    @property
    def kind_label(self):
        return "Événement"

    @property
    def is_multi_day(self):
        return timezone.localdate(self.start) != timezone.localdate(self.end)
