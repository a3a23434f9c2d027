"""Small presentational tags and filters shared by the public templates."""

import datetime

from django import template
from django.http import QueryDict
from django.utils import timezone

from core.cards import site_default_image
from media_library.pictures import build_picture
from media_library.renditions import CARD_SIZES, CARD_SPECS

register = template.Library()

SHORT_MONTHS = ("janv", "fév", "mars", "avr", "mai", "juin", "juil", "août", "sept", "oct", "nov", "déc")
ELLIPSIS = " (…)"

# What a card picture renders (AVIF, WebP, JPEG at the card widths) is declared once in
# media_library.renditions.CARD_SPECS, which listings prefetch (core.cards.prefetch_card_pictures).
CARD_RENDITION_SPECS = CARD_SPECS


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


@register.filter
def file_size_fr(value):
    """A file size in French notation: 850 octets, 12 Ko, 2,4 Mo."""
    try:
        size = int(value)
    except (TypeError, ValueError):
        return ""
    if size < 1000:
        return f"{size} octets"
    for unit, factor in (("Ko", 1000), ("Mo", 1000**2), ("Go", 1000**3)):
        amount = size / factor
        if round(amount) < 1000 or unit == "Go":
            text = f"{amount:.1f}" if amount < 9.95 else f"{amount:.0f}"
            if text.endswith(".0"):
                text = text[:-2]
            return f"{text.replace('.', ',')} {unit}"
    return ""


@register.filter
def file_extension(filename):
    """The upper-case extension of a file name: PDF, DOCX…"""
    name = str(filename or "")
    return name.rsplit(".", 1)[-1].upper() if "." in name else ""


@register.simple_tag(takes_context=True)
def query_with(context, **kwargs):
    """The current query string with some parameters replaced, e.g. {% query_with page=2 %}."""
    request = context.get("request")
    params = request.GET.copy() if request is not None else QueryDict(mutable=True)
    for key, value in kwargs.items():
        if value is None or value == "":
            params.pop(key, None)
        else:
            params[key] = value
    encoded = params.urlencode()
    return f"?{encoded}" if encoded else "?"


@register.inclusion_tag("includes/card_image.html", takes_context=True)
def card_picture(context, page, sizes=CARD_SIZES):
    """The card's picture: its own image, else the site's default image, else a decorative static image.

    Renders like {% picture image format-{avif,webp,jpeg} fill-{400x225,800x450,1200x675} loading="lazy" %}
    with width and height; alt is the image's description, empty for the site's default image
    (decorative: the card's title says what it is about).
    """
    image = page.card_image() if hasattr(page, "card_image") else None
    alt = None
    if image is None:
        image = site_default_image(context.get("request"))
        alt = ""
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


@register.simple_tag(takes_context=True)
def filter_query(context):
    """The current filters as a query string without ?page= ("" when none), e.g. for a feed link."""
    request = context.get("request")
    if request is None:
        return ""
    params = request.GET.copy()
    params.pop("page", None)
    encoded = params.urlencode()
    return f"?{encoded}" if encoded else ""
