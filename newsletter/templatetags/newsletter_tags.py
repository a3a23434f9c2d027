"""Filters of the plain-text emails."""

import re
from html import unescape

from django import template
from django.utils.html import strip_tags
from django.utils.safestring import mark_safe
from wagtail.rich_text import RichText, expand_db_html

from core import origin

register = template.Library()


@register.filter
def html_to_text(value):
    """Rich text as readable plain text: paragraphs and list items on their own lines, links kept."""
    html = absolute_links(expand_db_html(value.source if isinstance(value, RichText) else str(value)))
    html = re.sub(r'<a [^>]*href="([^"]+)"[^>]*>(.*?)</a>', r"\2 (\1)", html, flags=re.S)
    html = re.sub(r"<li[^>]*>", "\n- ", html)
    html = re.sub(r"</(p|h[1-6]|ul|ol)>", "\n\n", html)
    html = re.sub(r"<br\s*/?>", "\n", html)
    text = unescape(strip_tags(html))
    return re.sub(r"\n{3,}", "\n\n", text).strip()


@register.filter
def absolute_links(html):
    """Links of rendered rich text made absolute (BASE_URL): an email is read outside the site."""
    base = origin.origin()
    return mark_safe(re.sub(r'(href|src)="/(?!/)', rf'\1="{base}/', str(html)))  # noqa: S308 (already-escaped HTML)
