"""Homepage sections: each is a block an editor can add, remove, reorder and configure."""

from django.utils import timezone
from django.utils.functional import cached_property
from wagtail import blocks
from wagtail.models import Page
from wagtail.snippets.blocks import SnippetChooserBlock

from articles.choices import ArticleKind
from articles.models import ArticleIndexPage, ArticlePage
from calls.models import CallIndexPage, CallPage
from calls.querysets import closing_soon_window
from core.blocks import ReadableStreamBlock
from core.cards import live_cards, prefetch_card_pictures
from events.models import EventIndexPage, EventPage
from resources.choices import ResourceKind
from resources.models import ResourceCentrePage

# The index pages the sections link to ("Toutes les actualités", "Tout l’agenda", the resource tiles).
INDEX_MODELS = (ArticleIndexPage, EventIndexPage, ResourceCentrePage, CallIndexPage)


def live_indexes():
    """{model: its first live page (a plain Page, enough for a link)} for INDEX_MODELS, in one query."""
    found = {}
    for page in Page.objects.live().type(*INDEX_MODELS).order_by("path"):
        for model in INDEX_MODELS:
            if issubclass(page.specific_class or Page, model):
                found.setdefault(model, page)
    return found


def request_of(parent_context):
    return (parent_context or {}).get("request")


def live_index(model, parent_context):
    """The live index page of `model` (ArticleIndexPage…): all of them looked up once per request."""
    request = request_of(parent_context)
    found = getattr(request, "_cuf_index_pages", None)
    if found is None:
        found = live_indexes()
        if request is not None:
            request._cuf_index_pages = found
    return found.get(model)


class CardsValue(blocks.StructValue):
    """The value of a section that shows cards, which reads its pages once (the page and its sections
    are loaded for each request). HomePage.get_context reads the cards of every such section before the
    page renders, so that their pictures come in one query (core.cards.prefetch_card_pictures)."""

    @cached_property
    def cards(self):
        return self.block.cards(self)

    @property
    def fresh_until(self):
        """When the clock changes what the section shows (home_page.html renders it again then), or None."""
        return self.block.fresh_until(self)


class CardsSectionBlock(blocks.StructBlock):
    """A section of cards with their pictures (shows_pictures), e.g. the news feed, featured pages."""

    shows_pictures = True

    class Meta:
        abstract = True
        value_class = CardsValue

    def cards(self, value):
        raise NotImplementedError

    def fresh_until(self, value):
        return None

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        if self.shows_pictures:
            page = (parent_context or {}).get("page")
            if hasattr(page, "prefetch_section_pictures"):  # every section's pictures, once per request
                page.prefetch_section_pictures(request_of(parent_context))
            else:
                prefetch_card_pictures(request_of(parent_context), value.cards)
        return context


class FilteredSectionBlock(CardsSectionBlock):
    title = blocks.CharBlock(label="Titre de la section", max_length=80)
    count = blocks.IntegerBlock(label="Nombre d’éléments", min_value=1, max_value=24, default=3)
    country = SnippetChooserBlock("taxonomy.Country", label="Limiter au pays", required=False)
    theme = SnippetChooserBlock("taxonomy.Theme", label="Limiter à la thématique", required=False)

    class Meta:
        abstract = True


class NewsFeedBlock(FilteredSectionBlock):
    kinds = blocks.MultipleChoiceBlock(
        label="Types d’articles", choices=ArticleKind.choices, required=False, help_text="Vide : tous les types."
    )

    class Meta:
        icon = "doc-full-inverse"
        label = "Actualités en cartes"
        template = "home/blocks/news_feed.html"
        preview_value = {"title": "Actualité", "count": 3, "kinds": ["actualite"]}

    def articles(self, value):
        return (
            ArticlePage.objects.recent()
            .of_kinds(value.get("kinds"))
            .tagged(country=value.get("country"), theme=value.get("theme"))
            .for_cards()
        )

    def cards(self, value):
        return list(self.articles(value)[: value["count"]])

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        context["articles"] = value.cards
        context["index_page"] = live_index(ArticleIndexPage, parent_context)
        return context


class NewsListBlock(NewsFeedBlock):
    class Meta:
        icon = "list-ul"
        label = "Actualités en liste courte"
        template = "home/blocks/news_list.html"
        preview_value = {"title": "Actualités", "count": 3}

    shows_pictures = False

    def articles(self, value):
        # A short list shows titles and dates only: no card data to prefetch.
        return (
            ArticlePage.objects.recent()
            .of_kinds(value.get("kinds"))
            .tagged(country=value.get("country"), theme=value.get("theme"))
            .defer_streamfields()
        )


class AgendaBlock(FilteredSectionBlock):
    class Meta:
        icon = "date"
        label = "Agenda"
        template = "home/blocks/agenda.html"
        preview_value = {"title": "Agenda", "count": 3}

    shows_pictures = False  # dates and titles

    def cards(self, value):
        events = (
            EventPage.objects.upcoming()
            .tagged(country=value.get("country"), theme=value.get("theme"))
            .defer_streamfields()
        )
        return list(events[: value["count"]])

    def fresh_until(self, value):
        """The end of the first event shown: it leaves the agenda, the next one comes in."""
        return min((event.end for event in value.cards), default=None)

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        context["events"] = value.cards
        context["index_page"] = live_index(EventIndexPage, parent_context)
        return context


class CallsBlock(FilteredSectionBlock):
    class Meta:
        icon = "help"
        label = "Appels en cours"
        template = "home/blocks/calls.html"
        preview_value = {"title": "Appels en cours", "count": 3}

    shows_pictures = False  # titles, statuses and deadlines

    def cards(self, value):
        calls = (
            CallPage.objects.open().tagged(country=value.get("country"), theme=value.get("theme")).defer_streamfields()
        )
        return list(calls[: value["count"]])

    def fresh_until(self, value):
        """The first change of status of a call shown: closing soon, then closed (and replaced)."""
        now = timezone.now()
        changes = [moment for call in value.cards for moment in (call.deadline - closing_soon_window(), call.deadline)]
        return min((moment for moment in changes if moment > now), default=None)

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        context["calls"] = value.cards
        context["index_page"] = live_index(CallIndexPage, parent_context)
        return context


class ResourceTilesBlock(blocks.StructBlock):
    title = blocks.CharBlock(label="Titre de la section", max_length=80, default="Centre de ressources")

    class Meta:
        icon = "folder-open-1"
        label = "Centre de ressources"
        template = "home/blocks/resource_tiles.html"
        preview_value = {"title": "Centre de ressources"}

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        centre = live_index(ResourceCentrePage, parent_context)
        context["centre"] = centre
        context["tiles"] = [
            {"kind": kind, "label": label, "url": f"{centre.url}?type={kind}" if centre else None}
            for kind, label in ResourceKind.choices
        ]
        return context


class FeaturedBlock(CardsSectionBlock):
    title = blocks.CharBlock(label="Titre de la section", max_length=80)
    pages = blocks.ListBlock(blocks.PageChooserBlock(label="Page"), label="Pages mises en avant", min_num=1, max_num=6)

    class Meta:
        icon = "pick"
        label = "À la une"
        template = "home/blocks/featured.html"

    def cards(self, value):
        """The chosen pages that are live, as cards: one query per page type, not one per page."""
        return live_cards(value["pages"])


class RichTextSectionBlock(blocks.StructBlock):
    title = blocks.CharBlock(label="Titre de la section", max_length=80, required=False)
    text = blocks.RichTextBlock(label="Texte", features=["bold", "italic", "link", "ul", "ol"])

    class Meta:
        icon = "pilcrow"
        label = "Texte libre"
        template = "home/blocks/rich_text.html"
        preview_value = {"title": "Qui sommes-nous ?", "text": "<p>Le réseau des collectivités engagées.</p>"}


class HomeSectionsBlock(ReadableStreamBlock):
    news_feed = NewsFeedBlock()
    agenda = AgendaBlock()
    calls = CallsBlock()
    news_list = NewsListBlock()
    featured = FeaturedBlock()
    resource_tiles = ResourceTilesBlock()
    rich_text = RichTextSectionBlock()
