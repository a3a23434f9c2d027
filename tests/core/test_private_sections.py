"""Pages in a private section (a view restriction on them or an ancestor) never appear in public listings."""

import pytest
from wagtail.models import PageViewRestriction

from tests.factories import ArticlePageFactory, EventPageFactory
from tests.home.test_homepage import SEED_SECTIONS, set_sections

pytestmark = pytest.mark.django_db


def test_restricted_article_is_not_listed_on_the_index_nor_the_homepage(client, site_tree):
    set_sections(site_tree["home"], SEED_SECTIONS)
    ArticlePageFactory(parent=site_tree["articles"], title="Compte rendu public")
    secret = ArticlePageFactory(parent=site_tree["articles"], title="Compte rendu réservé aux adhérents")
    PageViewRestriction.objects.create(page=secret, restriction_type=PageViewRestriction.PASSWORD, password="adh")

    for url in ("/actualites/", "/"):
        body = client.get(url).content.decode()
        assert "Compte rendu public" in body, url
        assert "Compte rendu réservé aux adhérents" not in body, url


def test_restriction_on_an_index_hides_its_children_but_not_the_other_sections(client, site_tree):
    EventPageFactory(parent=site_tree["agenda"], title="Réunion ouverte à tous")
    PageViewRestriction.objects.create(page=site_tree["agenda"], restriction_type=PageViewRestriction.LOGIN)
    ArticlePageFactory(parent=site_tree["articles"], title="Article toujours visible")

    from articles.models import ArticlePage
    from events.models import EventPage

    assert not EventPage.objects.visible().exists()
    assert list(ArticlePage.objects.visible().values_list("title", flat=True)) == ["Article toujours visible"]
