"""Card lists rendered once per version of each card and reused across page-cache purges.

A publish purges the whole page cache, so the first visitor of the homepage or a listing after any
publish used to render every card again (two thirds of a cold homepage). `{% card_items pages %}`
renders `<li>` + card + `</li>` for each page through pagecache.fragments.render_many: the key of a
card is everything it shows (see `card_parts`), so an unchanged card is read back from the cache in
the same round trip as the others and a changed one is rendered anew.
"""

from django import template
from django.utils.safestring import mark_safe
from wagtail.models import Site

from core.cards import card_picture_image, prefetch_card_pictures
from pagecache.fragments import render_many

register = template.Library()

# Page fields a card template reads (those a page type lacks count as None).
CARD_FIELDS = (
    "pk",
    "title",
    "intro",
    "url_path",
    "last_published_at",
    "live_revision_id",
    "date",
    "place",
    "start",
    "end",
    "city",
    "status",
    "kind",
)


def picture_parts(image, is_default):
    """What the card's <picture> is built from: the image, its alt text, and the renditions it has now."""
    if image is None:
        return None
    renditions = getattr(image, "prefetched_renditions", None) or ()
    return (
        image.pk,
        image.file.name,
        image.description,
        is_default,
        tuple(sorted((rendition.filter_spec, rendition.file.name) for rendition in renditions)),
    )


def card_parts(page, request):
    """Every input of a card: its fields, category line, extra facts (resources) and picture (chosen as
    the card_picture tag chooses it)."""
    facts = page.tile_facts() if hasattr(page, "tile_facts") else {}
    return (
        type(page).__name__,
        tuple(getattr(page, name, None) for name in CARD_FIELDS),
        tuple(page.category_labels) if hasattr(page, "category_labels") else (),
        tuple(sorted(facts.items())),
        picture_parts(*card_picture_image(page, request)),
    )


@register.simple_tag(takes_context=True)
def card_items(context, pages, heading_level=3, template_name="includes/card.html"):
    """<li> + the card of each page + </li>, each card rendered once per version of what it shows."""
    request = context.get("request")
    pages = list(pages)
    # A no-op for the cards whose pictures were read with other lists' (the homepage, hubs).
    prefetch_card_pictures(request, pages)
    site = Site.find_for_request(request) if hasattr(request, "META") else None
    card_template = context.template.engine.get_template(template_name)

    def parts(page):
        return (template_name, heading_level, getattr(site, "pk", None), card_parts(page, request))

    def render(page):
        with context.push(page=page, heading_level=heading_level):
            return f"<li>{card_template.render(context)}</li>"

    return mark_safe("".join(render_many("card", pages, parts, render)))
