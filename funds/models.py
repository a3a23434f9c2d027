"""Solidarity funds: an index at /fonds-de-solidarite/, one page per fund, and the pledges councils send.

A fund page carries its figures (target, amount collected and the date of that figure), the
contributing local governments (directory.Collectivite, by lazy reference: the directory is another
content app), the donors' committee decisions and the projects funded. Its routes serve the
transparency table as CSV and the pledge form on its own URL, so the fund page stays in the page cache.
"""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.functional import cached_property
from modelcluster.fields import ParentalKey
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Orderable, Page, PageManager
from wagtail.search import index

from core.methods import accepts_post
from core.models import SectionIndexPage, TaggedPage

from .choices import FundStatus, ProjectStatus
from .money import format_euros, percent
from .pledges import Pledge  # noqa: F401 - the model lives in its own module (the form and views import it)
from .querysets import FundPageQuerySet
from .seo import fund_structured_data
from .transparency import csv_response
from .views import pledge, pledge_thanks

AMOUNT = {"max_digits": 12, "decimal_places": 2}
POSITIVE = [MinValueValidator(Decimal("0"))]


class FundIndexPage(SectionIndexPage):
    subpage_types = ["funds.FundPage"]

    class Meta:
        verbose_name = "index des fonds de solidarité"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["funds"] = list(FundPage.objects.child_of(self).open_first().with_terms())
        return context


class FundPage(RoutablePageMixin, TaggedPage):
    status = models.CharField(
        "statut",
        max_length=10,
        choices=FundStatus.choices,
        default=FundStatus.OUVERT,
        help_text="Ouvert : les collectivités peuvent promettre un don ; clos : le formulaire disparaît.",
    )
    opening_date = models.DateField(
        "date d’ouverture", default=timezone.localdate, help_text="Date d’ouverture du fonds. Par défaut : aujourd’hui."
    )
    closing_date = models.DateField(
        "date de clôture",
        null=True,
        blank=True,
        help_text="Dernier jour de collecte : le fonds passe « clos » le lendemain, sans autre action.",
    )
    target_amount = models.DecimalField(
        "objectif (€)",
        null=True,
        blank=True,
        validators=POSITIVE,
        **AMOUNT,
        help_text="Montant visé, en euros. Vide : pas d’objectif affiché.",
    )
    amount_collected = models.DecimalField(
        "montant collecté (€)",
        default=Decimal("0"),
        validators=POSITIVE,
        **AMOUNT,
        help_text="Total reçu à ce jour, en euros.",
    )
    collected_on = models.DateField(
        "montant arrêté au", null=True, blank=True, help_text="Date à laquelle le montant collecté a été arrêté."
    )

    objects = PageManager.from_queryset(FundPageQuerySet)()

    search_fields = TaggedPage.search_fields + [index.FilterField("status")]
    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [
                FieldPanel("status"),
                FieldRowPanel([FieldPanel("opening_date"), FieldPanel("closing_date")]),
                FieldRowPanel(
                    [FieldPanel("target_amount"), FieldPanel("amount_collected"), FieldPanel("collected_on")]
                ),
            ],
            heading="Statut et montants",
        ),
        FieldPanel("intro"),
        FieldPanel("cover"),
        FieldPanel("body", heading="Contexte"),
        *TaggedPage.taxonomy_panels,
        InlinePanel("contributions", heading="Contributions des collectivités", label="Contribution"),
        InlinePanel("decisions", heading="Décisions du comité des donateurs", label="Décision"),
        InlinePanel("projects", heading="Projets financés", label="Projet"),
    ]
    parent_page_types = ["funds.FundIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = "fonds de solidarité"
        verbose_name_plural = "fonds de solidarité"

    def clean(self):
        super().clean()
        if self.closing_date and self.opening_date and self.closing_date < self.opening_date:
            raise ValidationError({"closing_date": "La clôture doit suivre l’ouverture du fonds."})

    @property
    def current_status(self):
        """ "ouvert" or "clos", from the clock: a fund whose closing date has passed is closed, no save needed."""
        if self.status == FundStatus.CLOS:
            return FundStatus.CLOS
        if self.closing_date and self.closing_date < timezone.localdate():
            return FundStatus.CLOS
        return FundStatus.OUVERT

    @property
    def is_open(self):
        return self.current_status == FundStatus.OUVERT

    @property
    def status_label(self):
        return FundStatus(self.current_status).label

    @property
    def kind_label(self):
        return "Fonds de solidarité"

    @property
    def progress_percent(self):
        return percent(self.amount_collected, self.target_amount)

    @cached_property
    def project_list(self):
        return list(self.projects.all())

    @cached_property
    def transparency(self):
        """Collected, allocated to projects, spent, and what is left to allocate."""
        allocated = sum((project.amount or Decimal("0") for project in self.project_list), Decimal("0"))
        spent = sum((project.spent or Decimal("0") for project in self.project_list), Decimal("0"))
        collected = self.amount_collected or Decimal("0")
        return {"collected": collected, "allocated": allocated, "spent": spent, "available": collected - allocated}

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["contributions"] = list(self.contributions.select_related("collectivite"))
        if context["contributions"]:
            context["directory_url"] = directory_url(request)
        context["decisions"] = list(self.decisions.all())
        return context

    def structured_data(self, request):
        """schema.org DonateAction whose recipient is CUF, with the fund's target and collected amounts."""
        return fund_structured_data(self, request)

    @path("transparence.csv/")  # served at /fonds-de-solidarite/<slug>/transparence.csv
    def transparency_csv_view(self, request):
        return csv_response(self)

    @path("promesse/")
    @accepts_post
    def pledge_view(self, request):
        return pledge(request, self)

    @path("promesse/merci/")
    def pledge_thanks_view(self, request):
        return pledge_thanks(request, self)

    def get_csv_url(self, request=None):
        return self.get_url(request) + self.reverse_subpage("transparency_csv_view").rstrip("/")


def directory_url(request):
    """Where the directory lists local governments ("" without a directory), from the directory's hook:
    the content apps do not import each other."""
    prefixes = (hook(request) for hook in hooks.get_hooks("directory_collectivite_url_prefix"))
    return next((prefix for prefix in prefixes if prefix), "")


class FundContribution(Orderable):
    page = ParentalKey(FundPage, on_delete=models.CASCADE, related_name="contributions")
    collectivite = models.ForeignKey(
        "directory.Collectivite",
        verbose_name="collectivité",
        on_delete=models.PROTECT,
        related_name="fund_contributions",
        help_text="La collectivité qui a contribué.",
    )
    amount = models.DecimalField(
        "montant (€)", null=True, blank=True, validators=POSITIVE, **AMOUNT, help_text="Montant versé, en euros."
    )
    show_amount = models.BooleanField(
        "montant affiché",
        default=False,
        help_text="Seulement si la collectivité a accepté que son montant soit publié.",
    )
    vote_date = models.DateField(
        "date du vote du conseil", null=True, blank=True, help_text="Date de la délibération du conseil."
    )

    panels = [
        FieldPanel("collectivite"),
        FieldRowPanel([FieldPanel("amount"), FieldPanel("show_amount")]),
        FieldPanel("vote_date"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = "contribution"

    def __str__(self):
        """What the local government's page in the directory lists: the fund, and the amount when agreed."""
        text = self.page.title
        if self.show_amount and self.amount:
            text += f" : {format_euros(self.amount)}"
        if self.vote_date:
            text += f" (vote du conseil du {date_format(self.vote_date, 'j F Y')})"
        return text


class FundDecision(Orderable):
    page = ParentalKey(FundPage, on_delete=models.CASCADE, related_name="decisions")
    date = models.DateField("date", help_text="Date de la décision du comité.")
    text = models.TextField("décision", help_text="Ce qui a été décidé, en une ou deux phrases.")

    panels = [FieldPanel("date"), FieldPanel("text")]

    class Meta(Orderable.Meta):
        verbose_name = "décision du comité des donateurs"


class FundedProject(Orderable):
    page = ParentalKey(FundPage, on_delete=models.CASCADE, related_name="projects")
    name = models.CharField("projet", max_length=255, help_text="Nom du projet financé.")
    partner = models.CharField(
        "partenaire", max_length=255, blank=True, help_text="Collectivité ou organisation partenaire sur place."
    )
    amount = models.DecimalField(
        "montant alloué (€)",
        null=True,
        blank=True,
        validators=POSITIVE,
        **AMOUNT,
        help_text="Montant attribué par le fonds, en euros.",
    )
    spent = models.DecimalField(
        "montant dépensé (€)",
        default=Decimal("0"),
        validators=POSITIVE,
        **AMOUNT,
        help_text="Montant déjà dépensé, en euros.",
    )
    status = models.CharField(
        "statut",
        max_length=10,
        choices=ProjectStatus.choices,
        default=ProjectStatus.A_L_ETUDE,
        help_text="À l’étude, en cours ou terminé.",
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("partner"),
        FieldRowPanel([FieldPanel("amount"), FieldPanel("spent"), FieldPanel("status")]),
    ]

    class Meta(Orderable.Meta):
        verbose_name = "projet financé"
        verbose_name_plural = "projets financés"
