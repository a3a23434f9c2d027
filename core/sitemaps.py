"""/sitemap.xml: an index of sitemaps of 1,000 live, public pages each, read in one query whatever
their types.

One sitemap of the whole site weighed 1.9 MB for 13,000 pages: every crawl of it, cached or not,
moved that much. Pages of 1,000 URLs (what many CMSs use) keep each response near 140 KB (14 KB
compressed) and let a crawler fetch only what changed.
"""

import datetime

from django.contrib.contenttypes.models import ContentType
from django.db.models import Max
from django.http import HttpResponse
from django.utils import timezone
from django.utils.html import escape
from django.utils.safestring import mark_safe
from wagtail.contrib.sitemaps import Sitemap
from wagtail.contrib.sitemaps import views as wagtail_sitemap_views
from wagtail.models import Page, Site

from core import origin
from pagecache.fragments import reused_until_purge


class PageSitemap(Sitemap):
    """The pages of the site, 1,000 per sitemap page, read as plain values.

    Wagtail's Sitemap loads every page of the slice in its specific type and asks each for its
    get_sitemap_urls(), which only builds the page's URL from its url_path and reads its publication
    date: a page of 1,000 URLs took over half a second, most of it creating model instances. Here the
    slice is one query of values and each URL is built from the page's url_path (core.origin.path_urls).
    A page type that overrides get_sitemap_urls() (the directory adds its local governments) is still
    loaded and asked.
    """

    limit = 1000

    def pages(self):
        return self.get_wagtail_site().root_page.get_descendants(inclusive=True).live().public()

    def items(self):
        return (
            self.pages()
            .order_by("path")
            .values_list("pk", "content_type_id", "url_path", "last_published_at", "latest_revision_created_at")
        )

    def get_latest_lastmod(self):
        """The index's <lastmod> in one aggregate (Django's default loads every page to compute it)."""
        return self.pages().aggregate(latest=Max("last_published_at"))["latest"]

    def _urls(self, page, protocol, domain):
        url_of = origin.path_urls()
        urls = []
        for pk, content_type_id, url_path, published, revised in self.paginator.page(page).object_list:
            model = ContentType.objects.get_for_id(content_type_id).model_class()
            if model is not None and model.get_sitemap_urls is not Page.get_sitemap_urls:
                for url in model.objects.get(pk=pk).get_sitemap_urls(self.request):
                    urls.append({**url, "location": origin.rebase(url["location"])})
            elif location := url_of(url_path):
                urls.append({"location": location, "lastmod": published or revised})
        last_mods = [url["lastmod"] for url in urls]
        if last_mods and None not in last_mods:  # what Wagtail's Sitemap gives Django for Last-Modified
            self.latest_lastmod = max(last_mods)
        return urls


SITEMAPS = {"pages": PageSitemap}


# Django's sitemap views write the index's URLs with the request's host and Wagtail writes the pages'
# with the Site record's: both are moved onto BASE_URL (core/origin.py) before the response renders,
# so a crawler gets the same URLs whatever name it used (search engines reject another host's URLs).


def sitemap_index(request, **kwargs):
    """/sitemap.xml: one <sitemap> per 1,000 pages."""
    response = wagtail_sitemap_views.index(request, **kwargs)
    for item in response.context_data["sitemaps"]:
        item.location = origin.rebase(item.location)
    return response


def url_element(url):
    """One <url>, as Django's sitemap.xml template writes it (the <lastmod> date in the site's timezone).
    PageSitemap's locations are on the public origin already."""
    lastmod = url.get("lastmod")
    if isinstance(lastmod, datetime.datetime) and timezone.is_aware(lastmod):
        lastmod = timezone.localtime(lastmod)
    lastmod = f"<lastmod>{lastmod:%Y-%m-%d}</lastmod>" if lastmod else ""
    return f"<url><loc>{escape(url['location'])}</loc>{lastmod}</url>"


def build_sitemap(request, **kwargs):
    """The <url> of up to 1,000 pages, written by url_element() rather than by Django's template, whose
    loop over 1,000 URLs (five lookups and a date filter each) cost more than building them."""
    response = wagtail_sitemap_views.sitemap(request, template_name="core/sitemap.xml", **kwargs)
    urls = response.context_data["urlset"]
    response.context_data["entries"] = mark_safe("\n".join(url_element(url) for url in urls))  # noqa: S308
    return response


# Headers of a sitemap page kept with its body (Django's view sets the last two).
KEPT_HEADERS = ("Content-Type", "Last-Modified", "X-Robots-Tag")
MAX_CACHED_PAGE_DIGITS = 6


def sitemap(request, **kwargs):
    """/sitemap-pages.xml?p=N, built once per purge of the page cache for each page of 1,000 URLs.

    A crawler reads them all in a row, with or without the page cache; only a publish (or a change of
    the site) changes one. `?p=` in another spelling than its number ("01", " 2") or an invalid one is
    built (or refused) as Django's view does, never stored.
    """
    number = request.GET.get("p", "1")
    if not (number.isascii() and number.isdigit() and len(number) <= MAX_CACHED_PAGE_DIGITS) or number[0] == "0":
        return build_sitemap(request, **kwargs)

    def rendered():
        response = build_sitemap(request, **kwargs).render()
        return response.content, {name: response[name] for name in KEPT_HEADERS if name in response}

    site = Site.find_for_request(request)
    parts = (getattr(site, "pk", None), kwargs.get("section"), number, origin.origin())
    content, headers = reused_until_purge("sitemap-page", parts, rendered)
    return HttpResponse(content, headers=headers)
