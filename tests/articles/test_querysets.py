import datetime

import pytest

from articles.choices import ArticleKind
from articles.models import ArticlePage
from tests.factories import ArticlePageFactory, CountryFactory, ThemeFactory

pytestmark = pytest.mark.django_db


def test_recent_orders_by_date_descending_and_hides_drafts(site_tree):
    index = site_tree["articles"]
    old = ArticlePageFactory(parent=index, date=datetime.date(2024, 1, 1))
    new = ArticlePageFactory(parent=index, date=datetime.date(2025, 5, 8))
    ArticlePageFactory(parent=index, date=datetime.date(2025, 6, 1), live=False)

    assert list(ArticlePage.objects.recent()) == [new, old]


def test_tagged_combines_country_and_theme(site_tree):
    index = site_tree["articles"]
    palestine = CountryFactory(name="Palestine")
    liban = CountryFactory(name="Liban")
    crises = ThemeFactory(name="Crises et réhabilitation")
    both = ArticlePageFactory(parent=index, countries=[palestine], themes=[crises])
    ArticlePageFactory(parent=index, countries=[palestine])
    ArticlePageFactory(parent=index, countries=[liban], themes=[crises])

    assert list(ArticlePage.objects.recent().tagged(country=palestine, theme=crises)) == [both]
    assert ArticlePage.objects.recent().tagged(country=palestine).count() == 2


def test_of_kinds_filters_by_kind(site_tree):
    index = site_tree["articles"]
    news = ArticlePageFactory(parent=index, kind=ArticleKind.ACTUALITE)
    ArticlePageFactory(parent=index, kind=ArticleKind.APPEL)

    assert list(ArticlePage.objects.recent().of_kinds(["actualite"])) == [news]


def test_category_line_is_kind_then_countries_then_themes(site_tree):
    article = ArticlePageFactory(
        parent=site_tree["articles"],
        countries=[CountryFactory(name="Palestine")],
        themes=[ThemeFactory(name="Crises et réhabilitation")],
    )
    assert article.category_labels == ["Actualité", "Palestine", "Crises et réhabilitation"]
