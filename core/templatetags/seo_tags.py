"""The <head> metadata of every page: description, canonical, OpenGraph, Twitter, JSON-LD."""

import json

from django import template
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from core.seo import page_description, share_image

register = template.Library()

# What json_script escapes, so the data cannot close the <script> element.
JSON_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


@register.filter
def json_ld(data):
    """Data as <script type="application/ld+json">, escaped like json_script (<, >, & as \\u00XX).

    The browser never executes this script type, so a strict CSP allows it.
    """
    if not data:
        return ""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":")).translate(JSON_SCRIPT_ESCAPES)
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(text))  # noqa: S308


@register.inclusion_tag("includes/meta.html", takes_context=True)
def page_meta(context, title=""):
    """Meta tags for the current page (or a plain view: pass its title)."""
    request = context.get("request")
    page = context.get("page")
    canonical = request.build_absolute_uri(request.path) if request is not None else ""
    meta = {
        "title": title or context.get("meta_title", ""),
        "description": context.get("meta_description", ""),
        "canonical": canonical,
        "og_type": "website",
        "image": None,
        "structured_data": None,
    }
    if page is not None and hasattr(page, "get_full_url"):
        meta["title"] = title or page.seo_title or page.title
        meta["description"] = meta["description"] or page_description(page)
        meta["image"] = share_image(page, request)
        if hasattr(page, "structured_data"):
            meta["structured_data"] = page.structured_data(request)
            meta["og_type"] = "article" if meta["structured_data"].get("@type") == "NewsArticle" else "website"
    return meta
