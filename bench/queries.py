"""SQL queries and renditions per request, measured in-process: python -m bench.queries [--page-cache 0|1].

Uses Django's test Client against the benchmark database with the production settings, and
django.test.utils.CaptureQueriesContext. For each URL: the cache is cleared, the URL requested
once (cold) and again (warm). Prints one JSON object: the URL map and the figures per URL.
"""

import argparse
import json
import sys
from urllib.parse import quote

from bench.env import setup_django

SEARCH_WORD = "coopération"


def discover_urls():
    """name → (url, needs_login): the pages the benchmark measures, found in the dataset."""
    from django.db.models import Count
    from django.utils import timezone

    from articles.models import ArticleIndexPage, ArticlePage
    from events.models import EventPage
    from taxonomy.models import Country, Theme

    index = ArticleIndexPage.objects.get()
    article = ArticlePage.objects.live().filter(cover__isnull=False).order_by("-date", "-pk").first()
    event = EventPage.objects.live().filter(end__gte=timezone.now()).order_by("start").first()
    country = Country.objects.annotate(n=Count("articles_articlepage_pages")).order_by("-n").first()
    theme = Theme.objects.annotate(n=Count("articles_articlepage_pages")).order_by("-n").first()
    return {
        "home": ("/", False),
        "news_page_1": ("/actualites/", False),
        "news_page_500": ("/actualites/?page=500", False),
        "news_filtered": (f"/actualites/?pays={country.slug}&thematique={theme.slug}&type=actualite", False),
        "article": (article.url, False),
        "event": (event.url, False),
        "agenda": ("/agenda/", False),
        "resources": ("/centre-de-ressources/", False),
        "hub_country": (f"/pays/{country.slug}/", False),
        "search": (f"/recherche/?q={quote(SEARCH_WORD)}", False),
        "rss": ("/actualites/flux.xml", False),
        "ical": ("/agenda/agenda.ics", False),
        "sitemap": ("/sitemap.xml", False),  # the index
        "sitemap_page": ("/sitemap-pages.xml?p=7", False),  # 1,000 of the 13,000 pages
        "admin_explorer": (f"/admin/pages/{index.pk}/", True),
    }


def superuser():
    from django.contrib.auth import get_user_model

    return get_user_model().objects.filter(is_superuser=True).order_by("pk").first()


def rendition_count():
    from wagtail.images import get_image_model

    return get_image_model().get_rendition_model().objects.count()


def measure(urls):
    from django.core.cache import caches
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    anonymous, admin = Client(raise_request_exception=False), Client(raise_request_exception=False)
    admin.force_login(superuser())
    # A worker that has served for a while has its per-process caches (content types, templates) filled:
    # request every URL once so that "cold" means caches cleared, not a process that just started.
    before = rendition_count()
    for url, needs_login in urls.values():
        (admin if needs_login else anonymous).get(url)
    created_by_first_requests = rendition_count() - before
    results = {}
    for name, (url, needs_login) in urls.items():
        for alias in caches:
            caches[alias].clear()
        client = admin if needs_login else anonymous
        if needs_login:
            client.force_login(superuser())
        figures = {"url": url}
        for run in ("cold", "warm"):
            before = rendition_count()
            with CaptureQueriesContext(connection) as queries:
                response = client.get(url)
            figures[f"{run}_queries"] = len(queries)
            figures[f"{run}_renditions_created"] = rendition_count() - before
            figures["status"] = response.status_code
        results[name] = figures
    results["_first_requests"] = {"renditions_created": created_by_first_requests}
    return results


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--page-cache", default="0", help="PAGE_CACHE for this process (0 disables the page cache)")
    args = parser.parse_args(argv if argv is not None else sys.argv[1:])
    setup_django(PAGE_CACHE=args.page_cache)
    urls = discover_urls()
    json.dump({"urls": {name: url for name, (url, _) in urls.items()}, "results": measure(urls)}, sys.stdout)
    print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
