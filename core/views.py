"""Site-wide views that belong to no content app: search and robots.txt."""

from django.apps import apps
from django.conf import settings
from django.core.paginator import Paginator
from django.db.models import prefetch_related_objects
from django.http import HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.urls import reverse
from django.views.decorators.http import require_safe
from wagtail.models import Page, Site

from core import origin
from core.pagination import page_number, paginate
from core.search import (
    MAX_QUERY_LENGTH,
    MAX_RANKED,
    clean_query,
    excerpt_around,
    highlight,
    ranked_search,
    search_terms,
)
from pagecache.fragments import reused_until_purge

SEARCH_RESULTS_PER_PAGE = 10


def searchable_types():
    """The page types search looks in (SEARCHABLE_PAGE_TYPES): content apps add theirs in settings, so core
    names none of them."""
    return tuple(apps.get_model(label) for label in settings.SEARCHABLE_PAGE_TYPES)


def prefetch_terms(pages):
    """Countries and themes of the classified pages among `pages`, one query per type and relation."""
    pages = list(pages)
    for page_class in {type(page) for page in pages}:
        if hasattr(page_class, "card_prefetches"):
            prefetch_related_objects([page for page in pages if type(page) is page_class], "countries", "themes")
    return pages


@require_safe
def search(request):
    """Full-text search of published, public articles, events, resources and free pages, best first.

    The results (the same for every visitor) are ranked and rendered once per purge for each query and
    page number, then reused: a frequent word costs its ranking once per publish, not once per visitor.
    """
    raw_query = request.GET.get("q", "")
    query = clean_query(raw_query)
    if query:
        site = Site.find_for_request(request)
        parts = (getattr(site, "pk", None), query, page_number(request))
        results_html = reused_until_purge("search-results", parts, lambda: render_results(request, query))
    else:
        results_html = ""
    return render(
        request,
        "core/search.html",
        {
            "query": query,
            "results_html": results_html,
            "meta_title": f"Recherche : {query}" if query else "Recherche",
            "query_truncated": len(raw_query.strip()) > MAX_QUERY_LENGTH,
        },
    )


def render_results(request, query):
    terms = search_terms(query)
    if not terms:  # only punctuation or symbols: nothing to search, no result
        results = Paginator([], SEARCH_RESULTS_PER_PAGE).page(1)
    else:
        pages = Page.objects.live().public().type(*searchable_types()).specific()
        results = paginate(request, ranked_search(pages, terms), SEARCH_RESULTS_PER_PAGE)
        results.object_list = prefetch_terms(results.object_list)
        for page in results:
            intro = getattr(page, "intro", "") or page.search_description or ""
            page.search_excerpt = highlight(excerpt_around(intro, query), query)
            page.search_title = highlight(page.title, query)
    context = {"query": query, "results": results, "max_ranked": MAX_RANKED}
    return render_to_string("core/search_results.html", context, request=request)


@require_safe
def robots_txt(request):
    sitemap_url = origin.absolute(reverse("sitemap"))
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /recherche/",
        f"Sitemap: {sitemap_url}",
        "",
    ]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")
