"""/sitemap.xml: an index of sitemaps of 1,000 live, public pages each, read in one query whatever
their types.

One sitemap of the whole site weighed 1.9 MB for 13,000 pages: every crawl of it, cached or not,
moved that much. Pages of 1,000 URLs (what many CMSs use) keep each response near 140 KB (14 KB
compressed) and let a crawler fetch only what changed.
"""

from django.db.models import Max
from wagtail.contrib.sitemaps import Sitemap
from wagtail.contrib.sitemaps import views as wagtail_sitemap_views

from core import origin


class PageSitemap(Sitemap):
    """Wagtail's Sitemap loads every page in its specific type, one query per page type and per 2,000
    pages (seven for 10,000 articles), only to call get_sitemap_urls(), which reads the base page's
    fields (URL, publication dates). specific(defer=True) gives the same objects with their specific
    fields deferred, without those queries. A page type that overrides get_sitemap_urls() and reads
    its own fields there would load them page by page: none does."""

    limit = 1000

    def pages(self):
        return self.get_wagtail_site().root_page.get_descendants(inclusive=True).live().public()

    def items(self):
        return self.pages().order_by("path").specific(defer=True)

    def get_latest_lastmod(self):
        """The index's <lastmod> in one aggregate (Django's default loads every page to compute it)."""
        return self.pages().aggregate(latest=Max("last_published_at"))["latest"]


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


def sitemap(request, **kwargs):
    """/sitemap-pages.xml?p=N: the <url> of up to 1,000 pages."""
    response = wagtail_sitemap_views.sitemap(request, **kwargs)
    for url in response.context_data["urlset"]:
        url["location"] = origin.rebase(url["location"])
    return response
