import datetime

from django.conf import settings
from django.db import models
from django.utils import timezone
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Page, PageManager
from wagtail.search import index

from core.models import SectionIndexPage, TaggedPage
from core.pagination import paginate
from core.querysets import TaggedPageQuerySet
from core.seo import iso, organization, page_structured_data

from .choices import ArticleKind
from .feeds import ArticleFeed
from .filters import ArticleFilterSet

# An article dated in the past is taken as published at this time of its day (Paris).
PUBLICATION_TIME = datetime.time(8, 0)


class ArticlePageQuerySet(TaggedPageQuerySet):
    def recent(self):
        return self.visible().order_by("-date", "-pk")

    def of_kinds(self, kinds):
        return self.filter(kind__in=kinds) if kinds else self


class ArticleIndexPage(RoutablePageMixin, SectionIndexPage):
    subpage_types = ["articles.ArticlePage"]

    class Meta:
        verbose_name = "index des actualités"

    def articles(self):
        return ArticlePage.objects.child_of(self).recent()

    def get_feed_url(self, request=None):
        return self.get_url(request) + self.reverse_subpage("feed_view").rstrip("/")

    def filter_articles(self, request):
        """The FilterSet of ?pays=&thematique=&type=&annee= over this index's published articles."""
        return ArticleFilterSet(request.GET, queryset=self.articles())

    @path("")
    def index_view(self, request):
        filterset = self.filter_articles(request)
        articles = paginate(request, filterset.qs.for_cards(), settings.ARTICLES_PER_PAGE, same_until_publish=True)
        return self.render(request, context_overrides={"filter": filterset, "articles": articles})

    @path("flux.xml/")  # served at /actualites/flux.xml, see cuf_cms/urls.py
    def feed_view(self, request):
        """RSS 2.0 feed of the latest articles, with the same filters as the listing."""
        return ArticleFeed(self, self.filter_articles(request))(request)


class ArticlePage(TaggedPage):
    date = models.DateField(
        "date de publication",
        db_index=True,
        default=timezone.localdate,
        help_text="Date affichée sur l’article et qui le classe dans la liste. Par défaut : aujourd’hui.",
    )
    kind = models.CharField(
        "type",
        max_length=20,
        choices=ArticleKind.choices,
        default=ArticleKind.ACTUALITE,
        help_text="Actualité, communiqué, appel à contributions… : affiché sur la carte et filtrable.",
    )
    place = models.CharField(
        "lieu", max_length=120, blank=True, help_text="Par exemple « en visioconférence » ou « à Strasbourg »."
    )

    objects = PageManager.from_queryset(ArticlePageQuerySet)()

    search_fields = TaggedPage.search_fields + [index.FilterField("kind"), index.FilterField("date")]
    content_panels = Page.content_panels + [
        MultiFieldPanel([FieldPanel("date"), FieldPanel("kind"), FieldPanel("place")], heading="Publication"),
        FieldPanel("intro"),
        FieldPanel("cover"),
        FieldPanel("body"),
        *TaggedPage.taxonomy_panels,
    ]
    parent_page_types = ["articles.ArticleIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = "article"
        indexes = [models.Index(fields=["-date", "-page_ptr"], name="article_recent_idx")]

    @property
    def published_at(self):
        """The moment of publication (RSS pubDate, JSON-LD datePublished): the first publication when it
        happened on the article's date, else 8:00, Paris time, on that date (an article dated in the past)."""
        first = self.first_published_at
        if first is not None and timezone.localdate(first) == self.date:
            return first
        return timezone.make_aware(datetime.datetime.combine(self.date, PUBLICATION_TIME))

    @property
    def modified_at(self):
        modified = self.last_published_at or self.latest_revision_created_at or timezone.now()
        return max(modified, self.published_at)

    def structured_data(self, request):
        """schema.org NewsArticle, rendered as JSON-LD by the meta block: CUF as author and publisher."""
        data = page_structured_data(
            self,
            request,
            "NewsArticle",
            headline=self.title[:110],
            datePublished=iso(self.published_at),
            dateModified=iso(self.modified_at),
            author=[organization()],
            articleSection=self.get_kind_display(),
        )
        data["mainEntityOfPage"] = data["url"]
        return data
