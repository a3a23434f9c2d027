import pytest

from articles.models import ArticleIndexPage, ArticlePage
from core.models import StandardPage
from events.models import EventPage
from home.models import HomePage
from resources.models import ResourcePage

pytestmark = pytest.mark.django_db


def test_content_pages_only_go_under_their_index(site_tree):
    home = site_tree["home"]
    assert not ArticlePage.can_create_at(home)
    assert not EventPage.can_create_at(home)
    assert not ResourcePage.can_create_at(home)
    assert ArticlePage.can_create_at(site_tree["articles"])
    assert not EventPage.can_create_at(site_tree["articles"])
    assert EventPage.can_create_at(site_tree["agenda"])
    assert ResourcePage.can_create_at(site_tree["resources"])


def test_singletons_cannot_be_added_twice(site_tree):
    assert not ArticleIndexPage.can_create_at(site_tree["home"])
    assert not HomePage.can_create_at(site_tree["home"])
    assert StandardPage.can_create_at(site_tree["home"])


def test_admin_refuses_an_article_under_the_homepage(site_tree, admin_client):
    url = f"/admin/pages/add/articles/articlepage/{site_tree['home'].pk}/"
    response = admin_client.get(url)
    assert response.status_code == 302
    assert response["Location"] == "/admin/"
    admin_client.post(url, {"title": "Égaré", "slug": "egare", "date": "2025-01-01", "kind": "actualite"})
    assert not ArticlePage.objects.filter(slug="egare").exists()
