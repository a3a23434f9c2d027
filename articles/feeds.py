"""RSS 2.0 feed of the news, built on django.contrib.syndication, filtered like the listing."""

from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Rss201rev2Feed
from django.utils.html import escape

from core import origin

FEED_LENGTH = 30


class FrenchRssFeed(Rss201rev2Feed):
    def rss_attributes(self):
        return {**super().rss_attributes(), "xml:lang": "fr"}


class ArticleFeed(Feed):
    """Every URL of the feed (channel link, atom:link self, item links and guids) is on BASE_URL
    (core/origin.py), whatever Host the request carried."""

    feed_type = FrenchRssFeed
    language = "fr"

    def __init__(self, index_page, filterset):
        super().__init__()
        self.index_page = index_page
        self.filterset = filterset

    def get_object(self, request, *args, **kwargs):
        self.request = request
        return self.index_page

    def title(self, index_page):
        return f"{index_page.title} – Cités Unies France"

    def link(self, index_page):
        return origin.page_url(index_page, self.request)

    def description(self, index_page):
        return index_page.intro or "Les actualités de Cités Unies France."

    def feed_url(self, index_page):
        return origin.absolute(self.request.get_full_path())

    def items(self, index_page):
        return list(self.filterset.qs.with_terms()[:FEED_LENGTH])

    def item_title(self, article):
        return article.title

    def item_description(self, article):
        # RSS descriptions are HTML; the intro is plain text, so escape it.
        return escape(article.intro)

    def item_link(self, article):
        return origin.page_url(article, self.request)

    def item_guid(self, article):
        return origin.page_url(article, self.request)

    def item_pubdate(self, article):
        return article.published_at

    def item_updateddate(self, article):
        return article.last_published_at

    def item_categories(self, article):
        return article.category_labels
