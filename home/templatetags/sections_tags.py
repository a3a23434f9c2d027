"""Cross-section pieces that a content page shows but must not compute itself.

A content app may not import another content app (import-linter's independence contract): a fund
page cannot query articles. The sections layer may, so the "updates" of a fund or a call (articles
sharing its countries and themes) are computed here and loaded by the content template with
{% load sections_tags %}.
"""

from django import template

from articles.models import ArticlePage

register = template.Library()

UPDATES = 4


def related_articles(page, count=UPDATES):
    """The latest published articles tagged with one of the page's countries and one of its themes
    (countries alone, or themes alone, when the page has only those); [] for an untagged page."""
    countries = [term.pk for term in page.sorted_countries]
    themes = [term.pk for term in page.sorted_themes]
    if not countries and not themes:
        return []
    articles = ArticlePage.objects.recent().defer_streamfields()
    if countries:
        articles = articles.filter(pk__in=ArticlePage.objects.filter(countries__in=countries).values("pk"))
    if themes:
        articles = articles.filter(pk__in=ArticlePage.objects.filter(themes__in=themes).values("pk"))
    return list(articles.exclude(pk=page.pk)[:count])


@register.inclusion_tag("home/includes/related_articles.html")
def tagged_articles(page, title="Actualités liées", count=UPDATES):
    return {"articles": related_articles(page, count), "title": title}
