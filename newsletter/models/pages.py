"""The newsletter's pages: its index at /lettre/ (subscription routes, archive) and its issues."""

from django.db import models
from django.http import HttpResponse
from django.utils import timezone
from django.utils.html import strip_tags
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page, PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index

from core.models import SectionIndexPage
from newsletter.blocks import IssueStreamBlock
from newsletter.emails import IssueRenderer
from newsletter.models.records import Subscriber
from newsletter.views import NewsletterRoutesMixin


class NewsletterIssueQuerySet(PageQuerySet):
    def published(self):
        """The archive: live, public issues, latest first."""
        return self.live().public().order_by("-date", "-pk")


class NewsletterIndexPage(NewsletterRoutesMixin, RoutablePageMixin, SectionIndexPage):
    subpage_types = ["newsletter.NewsletterIssuePage"]
    template = "newsletter/index_page.html"

    class Meta:
        verbose_name = "la lettre (inscription et archives)"

    def issues(self):
        return NewsletterIssuePage.objects.child_of(self).published().defer_streamfields()


class NewsletterIssuePage(Page):
    date = models.DateField(
        "date de la lettre",
        default=timezone.localdate,
        db_index=True,
        help_text="Date d’envoi affichée en tête de la lettre. Par défaut : aujourd’hui.",
    )
    number = models.PositiveIntegerField(
        "numéro", null=True, blank=True, help_text="Numéro de la lettre, affiché dans son titre."
    )
    editorial = RichTextField(
        "éditorial",
        blank=True,
        features=["bold", "italic", "link", "ul", "ol"],
        help_text="Le mot de la rédaction, en tête de la lettre.",
    )
    content = StreamField(
        IssueStreamBlock(),
        verbose_name="contenu",
        blank=True,
        help_text="Les rubriques de la lettre : actualités, agenda, texte libre…",
    )
    countries = ParentalManyToManyField(
        "taxonomy.Country",
        blank=True,
        related_name="newsletter_issues",
        verbose_name="pays",
        help_text="Vide : la lettre va à tous les abonné·es. Sinon : à ceux qui suivent un de ces pays ou "
        "une de ces thématiques, et à ceux qui n’ont choisi aucune préférence.",
    )
    themes = ParentalManyToManyField(
        "taxonomy.Theme",
        blank=True,
        related_name="newsletter_issues",
        verbose_name="thématiques",
        help_text="La lettre va aux abonnés de ces thématiques (vide : à tous).",
    )

    objects = PageManager.from_queryset(NewsletterIssueQuerySet)()

    search_fields = Page.search_fields + [index.SearchField("editorial"), index.FilterField("date")]
    content_panels = Page.content_panels + [
        MultiFieldPanel([FieldPanel("number"), FieldPanel("date")], heading="Publication"),
        FieldPanel("editorial"),
        FieldPanel("content"),
        MultiFieldPanel([FieldPanel("countries"), FieldPanel("themes")], heading="Destinataires"),
    ]
    parent_page_types = ["newsletter.NewsletterIndexPage"]
    subpage_types = []
    template = "newsletter/issue_page.html"
    preview_modes = [("", "Page web"), ("email", "E-mail")]

    class Meta:
        verbose_name = "numéro de la lettre"
        verbose_name_plural = "numéros de la lettre"

    def seo_description(self, request=None):
        """The meta description: the search description, else the issue's name and its editorial's opening."""
        if self.search_description:
            return self.search_description
        title = f"La lettre de la coopération décentralisée {self.label}"
        opening = " ".join(strip_tags(self.editorial or "").split())
        return f"{title} : {opening}" if opening else f"{title}, par Cités Unies France."

    @property
    def label(self):
        return f"n° {self.number}" if self.number else self.date.strftime("%d/%m/%Y")

    def sections(self):
        """[{"title", "html"} or {"title", "entries"}], read once and shared by the web page and the emails."""
        result = []
        for block in self.content:
            if block.block_type == "text":
                result.append({"title": block.value["title"], "html": block.value["text"]})
            else:
                entries = block.block.entries(block.value)
                if entries:
                    result.append({"title": block.value["title"], "entries": entries})
        return result

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["sections"] = self.sections()
        return context

    def serve_preview(self, request, mode_name):
        if mode_name == "email":
            sample = Subscriber(email=request.user.email or "apercu@example.org")
            message = IssueRenderer(self).message(sample)
            return HttpResponse(message.alternatives[0][0])
        return super().serve_preview(request, mode_name)
