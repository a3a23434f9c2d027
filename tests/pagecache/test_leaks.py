"""Nothing personal, unpublished or restricted is ever stored or served from the page cache."""

import pytest
from django.contrib.auth.models import User
from django.middleware.csrf import get_token
from wagtail.models import PageViewRestriction

from core.models import StandardPage
from tests.factories import ArticlePageFactory, StandardPageFactory
from tests.pagecache.conftest import page_cache_keys

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_user(db):
    return User.objects.create_superuser("admin", "admin@example.org", "motdepasse-admin")


def test_a_logged_in_editor_is_never_served_nor_stored(client, site_tree, admin_user, page_cache):
    client.get("/")  # cached for visitors
    client.force_login(admin_user)
    response = client.get("/")
    assert response["X-Page-Cache"] == "bypass"
    assert "private" in response["Cache-Control"]

    client.get("/agenda/")
    client.logout()
    assert client.get("/agenda/")["X-Page-Cache"] == "miss"


@pytest.mark.parametrize(
    "headers",
    [
        {"HTTP_COOKIE": "sessionid=abc123"},
        {"HTTP_COOKIE": "messages=W1siX19qc29uX21lc3NhZ2UiXV0"},
        {"HTTP_AUTHORIZATION": "Basic YWRtaW46c2VjcmV0"},
    ],
)
def test_session_messages_or_authorization_bypass_the_cache(client, site_tree, redis_page_cache, headers):
    client.get("/")
    response = client.get("/", **headers)
    assert response["X-Page-Cache"] == "bypass"


def test_a_draft_is_never_cached_and_its_changes_never_leak(client, site_tree, redis_page_cache, admin_user, commit):
    draft = ArticlePageFactory(parent=site_tree["articles"], title="Brouillon confidentiel", live=False)
    response = client.get(draft.url)
    assert response.status_code == 404
    assert response["X-Page-Cache"] == "uncacheable"
    assert "Brouillon confidentiel" not in client.get("/actualites/").content.decode()

    article = ArticlePageFactory(parent=site_tree["articles"], title="Titre publié")
    client.get(article.url)
    article.title = "Titre du brouillon"
    commit(article.save_revision)
    response = client.get(article.url)
    assert response["X-Page-Cache"] == "hit"  # draft saves (and autosaves) do not purge…
    assert "Titre du brouillon" not in response.content.decode()  # …and never show

    client.force_login(admin_user)
    preview = client.get(f"/admin/pages/{article.pk}/edit/preview/")
    assert "X-Page-Cache" not in preview  # the admin never goes through the page cache
    client.logout()
    assert "Titre du brouillon" not in client.get(article.url).content.decode()


def test_admin_documents_and_shareable_previews_are_left_alone(client, site_tree, redis_page_cache):
    for url in ("/admin/login/", "/admin/", "/documents/1/rapport.pdf", "/apercu/un-jeton/", "/_util/login/"):
        response = client.get(url)
        assert "X-Page-Cache" not in response, url
    assert page_cache_keys() == []


@pytest.mark.parametrize("restriction_type", [PageViewRestriction.LOGIN, PageViewRestriction.PASSWORD])
def test_private_pages_are_never_stored(client, site_tree, redis_page_cache, restriction_type):
    page = StandardPageFactory(parent=site_tree["home"], title="Espace adhérents")
    PageViewRestriction.objects.create(page=page, restriction_type=restriction_type, password="adherents")
    child = StandardPageFactory(parent=page, title="Compte rendu du bureau")
    for url in (page.url, child.url):
        for _ in range(2):
            response = client.get(url)
            assert response["X-Page-Cache"] == "uncacheable"
            assert "Compte rendu du bureau" not in response.content.decode()
    assert page_cache_keys() == []


def test_restricting_a_cached_page_purges_it(client, site_tree, redis_page_cache, commit):
    page = StandardPageFactory(parent=site_tree["home"], title="Espace adhérents")
    assert client.get(page.url)["X-Page-Cache"] == "miss"
    commit(PageViewRestriction.objects.create, page=page, restriction_type=PageViewRestriction.LOGIN)
    response = client.get(page.url)
    assert response.status_code == 302
    assert "Espace adhérents" not in response.content.decode()


def test_a_response_that_sets_a_cookie_is_never_stored(client, site_tree, redis_page_cache, monkeypatch):
    original_serve = StandardPage.serve

    def serve_with_cookie(self, request, *args, **kwargs):
        response = original_serve(self, request, *args, **kwargs)
        response.set_cookie("panier", "42")
        return response

    monkeypatch.setattr(StandardPage, "serve", serve_with_cookie)
    page = StandardPageFactory(parent=site_tree["home"], title="Boutique")
    for _ in range(2):
        response = client.get(page.url)
        assert response["X-Page-Cache"] == "uncacheable"
        assert response.cookies["panier"].value == "42"
    assert page_cache_keys() == []


def test_a_page_with_a_csrf_token_is_never_stored_even_for_a_visitor_with_a_csrf_cookie(
    client, site_tree, redis_page_cache, monkeypatch
):
    original_serve = StandardPage.serve

    def serve_with_token(self, request, *args, **kwargs):
        response = original_serve(self, request, *args, **kwargs).render()
        response.content += f'<input name="csrfmiddlewaretoken" value="{get_token(request)}">'.encode()
        return response

    monkeypatch.setattr(StandardPage, "serve", serve_with_token)
    page = StandardPageFactory(parent=site_tree["home"], title="Formulaire")
    for cookie in ("", "csrftoken=QWERTYUIOPASDFGHJKLZXCVBNM123456"):
        response = client.get(page.url, HTTP_COOKIE=cookie)
        assert response["X-Page-Cache"] == "uncacheable"
    assert page_cache_keys() == []


def test_search_is_normalised_but_not_stored(client, site_tree, redis_page_cache):
    response = client.get("/recherche/", {"q": "eau", "utm_source": "x"})
    assert response["X-Page-Cache"] == "uncached"
    assert response.wsgi_request.GET.urlencode() == "q=eau"
    assert page_cache_keys() == []


def test_a_shareable_preview_of_a_cached_page_shows_the_draft_and_stores_nothing(
    client, site_tree, page_cache, admin_user, commit
):
    from editorial.models import PreviewLink

    article = ArticlePageFactory(parent=site_tree["articles"], title="Titre publié")
    assert [client.get(article.url)["X-Page-Cache"] for _ in range(2)] == ["miss", "hit"]
    article.title = "Titre du brouillon partagé"
    commit(article.save_revision)
    link = PreviewLink.create_for(article, admin_user, days=1)

    preview = client.get(link.get_absolute_url())
    assert preview.status_code == 200
    assert "Titre du brouillon partagé" in preview.content.decode()
    assert "X-Page-Cache" not in preview
    live = client.get(article.url)
    assert live["X-Page-Cache"] == "hit"
    assert "Titre du brouillon partagé" not in live.content.decode()
