"""Small presentational tags and filters shared by the public templates."""

import datetime

from django import template
from django.utils import timezone

from core.cards import card_picture_image
from media_library.formatting import file_size_fr
from media_library.pictures import build_picture
from media_library.renditions import CARD_SIZES

register = template.Library()

SHORT_MONTHS = ("janv", "fév", "mars", "avr", "mai", "juin", "juil", "août", "sept", "oct", "nov", "déc")
ELLIPSIS = " (…)"


@register.filter
def excerpt(value, length=300):
    """Cut text at a word boundary to at most `length` characters; append " (…)" only when cut."""
    text = " ".join(str(value or "").split())
    try:
        length = int(length)
    except (TypeError, ValueError):
        length = 300
    if len(text) <= length:
        return text
    cut = text[: length + 1]
    cut = cut[: cut.rindex(" ")] if " " in cut else text[:length]
    return cut.rstrip(" ,;:.–-") + ELLIPSIS


def _local_date(value):
    if isinstance(value, datetime.datetime):
        return timezone.localtime(value).date() if timezone.is_aware(value) else value.date()
    return value


@register.filter
def short_month(value):
    """French abbreviated month of a date or datetime: janv, fév, … déc."""
    day = _local_date(value)
    if not isinstance(day, datetime.date):
        return ""
    return SHORT_MONTHS[day.month - 1]


@register.filter
def local_date(value):
    """The local calendar date of an aware datetime (a date is returned as is)."""
    return _local_date(value)


register.filter("file_size_fr", file_size_fr)


@register.inclusion_tag("includes/card_image.html", takes_context=True)
def card_picture(context, page, sizes=CARD_SIZES):
    """The card's picture: its own image, else the site's default image, else a decorative static image.

    Renders like {% picture image format-{avif,webp,jpeg} fill-{400x225,800x450,1200x675} loading="lazy" %}
    with width and height; alt is the image's description, empty for the site's default image
    (decorative: the card's title says what it is about).
    """
    image, is_default = card_picture_image(page, context.get("request"))
    alt = "" if is_default else None
    picture = build_picture(image, "card", alt=alt, css_class="card__img", sizes=sizes) if image else None
    return {"picture": picture}


@register.simple_tag
def breadcrumb_ancestors(page):
    """The page's ancestors from the home page down (the root left out), for the breadcrumbs.

    Wagtail's router keeps the parent of each page it walks through, so for a page it served,
    get_parent() needs no query; a page reached otherwise (a preview) costs one get_ancestors() query.
    """
    ancestors = []
    node = page
    while node.depth > 2:
        if getattr(node, "_cached_parent_obj", None) is None:
            return [ancestor for ancestor in page.get_ancestors() if ancestor.depth > 1]
        node = node.get_parent()
        ancestors.append(node)
    return ancestors[::-1]


@register.filter
def elided_pages(page_obj):
    """Page numbers around the current page, with Paginator.ELLIPSIS where numbers are skipped."""
    return page_obj.paginator.get_elided_page_range(page_obj.number, on_each_side=2, on_ends=1)


@register.filter
def duration_fr(value):
    """A duration (timedelta or seconds) in French: 1 h 05 min, 12 min 30 s, 45 s."""
    if isinstance(value, datetime.timedelta):
        seconds = int(value.total_seconds())
    else:
        try:
            seconds = int(float(value))
        except (TypeError, ValueError):
            return ""
    if seconds <= 0:
        return ""
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        return f"{hours} h {minutes:02d} min"
    if minutes:
        return f"{minutes} min {secs:02d} s" if secs else f"{minutes} min"
    return f"{secs} s"
