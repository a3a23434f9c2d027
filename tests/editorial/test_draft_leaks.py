"""A visitor never sees draft content: not on the page, nor in any listing, feed or homepage section.

Add every public listing to LISTINGS as it is built (feeds, search, sitemap…): each is checked
for every kind of unpublished content below.
"""

import datetime

import pytest
from django.utils import timezone
from wagtail.models import Page

from resources.choices import ResourceKind
from tests.factories import ArticlePageFactory, EventPageFactory, ResourcePageFactory

pytestmark = pytest.mark.django_db

LISTINGS = [
    "/",
    "/actualites/",
    "/actualites/?page=1",
    "/agenda/",
    "/agenda/passes/",
    "/centre-de-ressources/",
    "/centre-de-ressources/?type=texte",
    "/recherche/?q=brouillon",
    "/actualites/flux.xml",
    "/agenda/agenda.ics",
    "/sitemap.xml",
    "/sitemap-pages.xml",
]
SECRET = "Confidentiel"


@pytest.fixture
def unpublished(site_tree):
    """Every way content can be unpublished, each carrying the word SECRET; returns their public URLs."""
    articles, agenda, resources = site_tree["articles"], site_tree["agenda"], site_tree["resources"]
    past = timezone.now() - datetime.timedelta(days=30)
    drafts = [
        ArticlePageFactory(parent=articles, title=f"Article {SECRET} brouillon", live=False),
        EventPageFactory(parent=agenda, title=f"Rencontre {SECRET} à venir", live=False),
        EventPageFactory(parent=agenda, title=f"Rencontre {SECRET} passée", start=past, live=False),
        ResourcePageFactory(parent=resources, title=f"Ressource {SECRET}", kind=ResourceKind.TEXTE, live=False),
    ]
    # A live article whose newer draft is not approved yet.
    changed = ArticlePageFactory(parent=articles, title="Article en ligne", intro="Chapô publié.")
    pending = changed.get_latest_revision_as_object()
    pending.title = f"Titre {SECRET} en attente"
    pending.intro = f"Chapô {SECRET} en attente."
    pending.save_revision()
    # An unpublished (once live) article and an expired one.
    withdrawn = ArticlePageFactory(parent=articles, title=f"Article {SECRET} retiré")
    withdrawn.unpublish()
    expired = ArticlePageFactory(parent=articles, title=f"Article {SECRET} expiré")
    expired.expire_at = timezone.now() - datetime.timedelta(hours=1)
    expired.save()
    expired.unpublish(set_expired=True)
    # An approved page scheduled for tomorrow.
    scheduled = ArticlePageFactory(parent=articles, title=f"Article {SECRET} programmé", live=False)
    scheduled.go_live_at = timezone.now() + datetime.timedelta(days=1)
    scheduled.save_revision().publish()
    assert Page.objects.get(pk=scheduled.pk).get_latest_revision().approved_go_live_at is not None

    home = site_tree["home"]
    home.sections = [
        ("news_feed", {"title": "À la une", "count": 12, "kinds": []}),
        ("news_list", {"title": "En bref", "count": 12, "kinds": []}),
        ("agenda", {"title": "Agenda", "count": 12}),
        ("featured", {"title": "Mis en avant", "pages": [*drafts, withdrawn, changed]}),
        ("resource_tiles", {"title": "Centre de ressources"}),
    ]
    home.save_revision().publish()
    hidden = drafts + [withdrawn, expired, scheduled]
    return [page.url or Page.objects.get(pk=page.pk).specific.url for page in hidden]


@pytest.mark.parametrize("url", LISTINGS)
def test_listings_show_no_draft(client, unpublished, url):
    response = client.get(url)
    assert response.status_code == 200
    assert SECRET not in response.content.decode()


def test_live_content_is_listed_so_the_check_above_means_something(client, unpublished):
    assert "Article en ligne" in client.get("/actualites/").content.decode()
    assert "Article en ligne" in client.get("/").content.decode()
    assert "Article en ligne" in client.get("/actualites/flux.xml").content.decode()
    assert "/actualites/article-en-ligne/" in client.get("/sitemap-pages.xml").content.decode()


def test_unpublished_pages_are_not_served(client, unpublished):
    assert len(unpublished) == 7
    for url in unpublished:
        assert client.get(url).status_code == 404, url


def test_live_page_shows_the_published_version_not_the_pending_draft(client, unpublished):
    body = client.get("/actualites/article-en-ligne/").content.decode()
    assert "Chapô publié." in body
    assert SECRET not in body


def test_a_preview_does_not_leak_into_the_public_page(client, clients, unpublished):
    page = Page.objects.get(slug="article-en-ligne")
    assert SECRET in clients["moderateur"].get(f"/admin/pages/{page.pk}/view_draft/").content.decode()
    assert SECRET not in client.get("/actualites/article-en-ligne/").content.decode()
    assert SECRET not in client.get("/actualites/").content.decode()
