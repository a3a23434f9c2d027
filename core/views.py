"""Site-wide views that belong to no content app: search and robots.txt."""

from django.apps import apps
from django.conf import settings
from django.core.paginator import Page as PaginatorPage
from django.core.paginator import Paginator
from django.db.models import prefetch_related_objects
from django.http import HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_safe
from wagtail.models import Page, Site

from core import origin
from core.pagination import page_number, paginate
from core.search import (
    MAX_QUERY_LENGTH,
    MAX_RANKED,
    KnownLength,
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
    """Full-text search of published, public articles, events, resources and free pages, best first."""
    raw_query = request.GET.get("q", "")
    query = clean_query(raw_query)
    results = None
    terms = search_terms(query)
    if query and not terms:  # only punctuation or symbols: nothing to search, no result
        results = Paginator([], SEARCH_RESULTS_PER_PAGE).page(1)
    elif query:
        results = results_page(request, query, terms)
        for page in results:
            intro = getattr(page, "intro", "") or page.search_description or ""
            page.search_excerpt = highlight(excerpt_around(intro, query), query)
            page.search_title = highlight(page.title, query)
    return render(
        request,
        "core/search.html",
        {
            "query": query,
            "results": results,
            "max_ranked": MAX_RANKED,
            "meta_title": f"Recherche : {query}" if query else "Recherche",
            "query_truncated": len(raw_query.strip()) > MAX_QUERY_LENGTH,
        },
    )


def results_page(request, query, terms):
    """The requested page of results, its pages read by key: the ranking (the costly part, PostgreSQL's)
    is done once per purge for each query and page number, then reused. Only the keys are kept, a few
    hundred bytes whatever the words typed, for PAGE_CACHE_TIMEOUT at most."""

    def rank():
        pages = Page.objects.live().public().type(*searchable_types())
        found = paginate(request, ranked_search(pages, terms), SEARCH_RESULTS_PER_PAGE)
        matches = found.paginator.object_list
        return [page.pk for page in found], found.number, len(matches), matches.capped

    site = Site.find_for_request(request)
    parts = (getattr(site, "pk", None), query, page_number(request))
    keys, number, count, capped = reused_until_purge("search-ranking", parts, rank)
    paginator = Paginator(KnownLength((), count, capped), SEARCH_RESULTS_PER_PAGE)
    found = {page.pk: page for page in Page.objects.filter(pk__in=keys).specific()}
    return PaginatorPage(prefetch_terms(found[pk] for pk in keys if pk in found), number, paginator)


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
