"""Blocks of an issue: editorial text, and sections that pull the latest news, events, calls and resources.

Each pulling block asks the content apps' QuerySet methods (recent(), upcoming(), tagged()) and turns
the pages into plain `Entry` items, so the web page, the HTML email and the plain-text email all
render the same list. Calls are the open calls of the `calls` app, the nearest deadline first.
"""

from dataclasses import dataclass

from django.utils.dateformat import format as format_date
from django.utils.text import Truncator
from django.utils.timezone import localtime
from wagtail import blocks
from wagtail.snippets.blocks import SnippetChooserBlock

from articles.choices import ArticleKind
from articles.models import ArticlePage
from calls.models import CallPage
from core import origin
from events.models import EventPage
from resources.models import ResourcePage


def absolute_url(path):
    """One public origin for every link of an email (BASE_URL, core/origin.py)."""
    return origin.absolute(path)


@dataclass(frozen=True)
class Entry:
    title: str
    url: str  # absolute: emails are read outside the site
    meta: str  # date, place, kind
    summary: str


def page_entry(page, meta):
    return Entry(
        title=page.title,
        url=absolute_url(page.get_url() or "/"),
        meta=meta,
        summary=Truncator(page.intro or "").words(40),
    )


class LatestBlock(blocks.StructBlock):
    """A section of the latest pages of one kind, optionally limited to a country and/or a theme."""

    title = blocks.CharBlock(label="Titre de la section", max_length=80)
    count = blocks.IntegerBlock(label="Nombre d’éléments", min_value=1, max_value=12, default=4)
    country = SnippetChooserBlock("taxonomy.Country", label="Limiter au pays", required=False)
    theme = SnippetChooserBlock("taxonomy.Theme", label="Limiter à la thématique", required=False)

    class Meta:
        abstract = True
        template = "newsletter/blocks/section.html"

    def pages(self, value):
        raise NotImplementedError

    def entry(self, page):
        raise NotImplementedError

    def entries(self, value):
        pages = self.pages(value).tagged(country=value.get("country"), theme=value.get("theme")).defer_streamfields()
        return [self.entry(page) for page in pages[: value["count"]]]

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        context["entries"] = self.entries(value)
        return context


class LatestNewsBlock(LatestBlock):
    class Meta:
        icon = "doc-full-inverse"
        label = "Dernières actualités"
        preview_value = {"title": "Actualités du réseau", "count": 3}

    def pages(self, value):
        return ArticlePage.objects.recent().exclude(kind=ArticleKind.APPEL)

    def entry(self, page):
        return page_entry(page, f"{page.get_kind_display()} · {format_date(page.date, 'j F Y')}")


class LatestCallsBlock(LatestBlock):
    class Meta:
        icon = "help"
        label = "Appels à contributions"
        preview_value = {"title": "Appels en cours", "count": 3}

    def pages(self, value):
        return CallPage.objects.open()

    def entry(self, page):
        deadline = format_date(localtime(page.deadline), "j F Y")
        return page_entry(page, f"{page.get_kind_display()} · date limite le {deadline}")


class UpcomingEventsBlock(LatestBlock):
    class Meta:
        icon = "date"
        label = "Prochains événements"
        preview_value = {"title": "Agenda", "count": 3}

    def pages(self, value):
        return EventPage.objects.upcoming()

    def entry(self, page):
        when = format_date(localtime(page.start), "j F Y")
        return page_entry(page, f"{when} · {page.city}" if page.city else when)


class LatestResourcesBlock(LatestBlock):
    class Meta:
        icon = "folder-open-1"
        label = "Dernières ressources"
        preview_value = {"title": "Centre de ressources", "count": 3}

    def pages(self, value):
        return ResourcePage.objects.recent()

    def entry(self, page):
        return page_entry(page, f"{page.get_kind_display()} · {format_date(page.date, 'j F Y')}")


class EditorialTextBlock(blocks.StructBlock):
    title = blocks.CharBlock(label="Titre", max_length=80, required=False)
    text = blocks.RichTextBlock(label="Texte", features=["bold", "italic", "link", "ul", "ol"])

    class Meta:
        icon = "pilcrow"
        label = "Texte"
        template = "newsletter/blocks/text.html"
        preview_value = {"title": "Le mot de la rédaction", "text": "<p>Bonne lecture.</p>"}


class IssueStreamBlock(blocks.StreamBlock):
    text = EditorialTextBlock()
    news = LatestNewsBlock()
    events = UpcomingEventsBlock()
    calls = LatestCallsBlock()
    resources = LatestResourcesBlock()
