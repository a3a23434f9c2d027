"""The <head> metadata of every page: description, canonical, OpenGraph, Twitter, JSON-LD."""

import json

from django import template
from django.template.loader import render_to_string
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from wagtail.models import Site

from core import origin
from core.models import SiteSettings
from core.seo import (
    breadcrumb_list,
    organization,
    page_breadcrumbs,
    page_description,
    share_image,
    web_page,
    website,
)
from core.templatetags.fragment_tags import can_reuse
from pagecache.fragments import reused_until_purge

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


@register.simple_tag(takes_context=True)
def page_meta(context, title=""):
    """The meta tags of includes/meta.html: for a page Wagtail served, rendered once per purge for its URL
    (core/templatetags/fragment_tags.py); for a plain view or a preview, every time."""
    request = context.get("request")
    page = context.get("page")

    def render():
        return render_to_string("includes/meta.html", meta_context(context, title))

    if page is None or not hasattr(page, "get_url_parts") or not can_reuse(request):
        return render()
    site = Site.find_for_request(request)
    # The path, not the query string: the tags name the page and its route, never a visitor's text.
    parts = (getattr(site, "pk", None), request.path, page.pk, title)
    return reused_until_purge("page-meta", parts, render)


def meta_context(context, title=""):
    """Meta tags for the current page (or a plain view: pass its title).

    Every URL is absolute on BASE_URL (core/origin.py). JSON-LD: the page's own type (its
    `structured_data(request)`, else a WebPage or CollectionPage), its BreadcrumbList, and on the
    home page the WebSite with its search and the Organization. A view that shows something else than
    its page (a local government of the directory, a hub) passes `structured_data` and `breadcrumbs`
    ([(name, path)]) in the context.
    """
    request = context.get("request")
    page = context.get("page")
    canonical = origin.absolute(request.path) if request is not None else ""
    meta = {
        "title": title or context.get("meta_title", ""),
        "description": context.get("meta_description", ""),
        "canonical": canonical,
        "og_type": "website",
        "image": None,
        "structured_data": [],
    }
    items = []
    breadcrumbs = context.get("breadcrumbs") or []
    if page is not None and hasattr(page, "get_url_parts"):
        meta["title"] = title or page.seo_title or page.title
        meta["description"] = meta["description"] or page_description(page, request=request)
        meta["image"] = share_image(page, request)
        if hasattr(page, "structured_data"):
            items.append(page.structured_data(request))
        elif not context.get("structured_data"):
            items.append(web_page(page, request, url=canonical))
        if page.depth == 2:
            items += [website(), {"@context": "https://schema.org", **organization(site_settings(request))}]
        breadcrumbs = breadcrumbs or page_breadcrumbs(page, request)
    if context.get("structured_data"):
        # A route of a page that shows something else (a local government of the directory).
        items = [context["structured_data"]]
    if breadcrumbs:
        items.append(breadcrumb_list(breadcrumbs))
    meta["structured_data"] = items
    if any(item.get("@type") == "NewsArticle" for item in items):
        meta["og_type"] = "article"
    return meta


def site_settings(request):
    return SiteSettings.for_request(request) if request is not None else None
