import datetime

import pytest
from django.utils import timezone

from resources.choices import ResourceKind
from tests.factories import (
    ArticlePageFactory,
    EventPageFactory,
    ResourcePageFactory,
    StandardPageFactory,
)

pytestmark = pytest.mark.django_db


def test_every_page_type_renders_for_a_visitor(client, site_tree):
    article = ArticlePageFactory(parent=site_tree["articles"], title="Mission en Arménie")
    event = EventPageFactory(parent=site_tree["agenda"], title="Réunion du groupe-pays Liban")
    resources = [
        ResourcePageFactory(parent=site_tree["resources"], title=f"Ressource {kind}", kind=kind)
        for kind in ResourceKind.values
    ]
    standard = StandardPageFactory(parent=site_tree["home"], title="Qui sommes-nous ?")

    pages = [site_tree["home"], site_tree["articles"], site_tree["agenda"], site_tree["resources"], article, event]
    pages += resources + [standard]
    for page in pages:
        response = client.get(page.url)
        assert response.status_code == 200, page.url
        assert response["Content-Type"] == "text/html; charset=utf-8"
        assert page.title in response.content.decode()
    assert client.get("/agenda/passes/").status_code == 200


def test_card_links_to_article_and_article_links_back_to_index(client, site_tree):
    article = ArticlePageFactory(parent=site_tree["articles"], title="Fonds de solidarité pour le Liban")

    listing = client.get("/actualites/").content.decode()
    assert f'href="{article.url}"' in listing
    page = client.get(article.url).content.decode()
    assert 'href="/actualites/"' in page


def test_drafts_are_not_listed_nor_served(client, site_tree):
    draft = ArticlePageFactory(parent=site_tree["articles"], title="Brouillon confidentiel", live=False)

    assert "Brouillon confidentiel" not in client.get("/actualites/").content.decode()
    assert client.get(f"/actualites/{draft.slug}/").status_code == 404


@pytest.mark.parametrize("page_param", ["abc", "0", "-3", "99999", "1e9", "%00"])
def test_bad_page_numbers_never_give_a_server_error(client, site_tree, settings, page_param):
    settings.ARTICLES_PER_PAGE = 2
    for day in range(3):
        ArticlePageFactory(parent=site_tree["articles"], date=datetime.date(2025, 1, 1) + datetime.timedelta(days=day))
    response = client.get("/actualites/", {"page": page_param})
    assert response.status_code in (200, 404)


def test_listing_is_paginated_and_page_two_shows_older_articles(client, site_tree, settings):
    settings.ARTICLES_PER_PAGE = 5
    for day in range(7):
        ArticlePageFactory(
            parent=site_tree["articles"], title=f"Article du {day + 1} mars", date=datetime.date(2025, 3, day + 1)
        )
    first = client.get("/actualites/").content.decode()
    second = client.get("/actualites/?page=2").content.decode()
    assert "Article du 7 mars" in first and "Article du 1 mars" not in first
    assert "Article du 1 mars" in second and "Article du 7 mars" not in second
    assert "?page=2" in first


def test_past_events_are_under_passes(client, site_tree):
    start = timezone.now() - datetime.timedelta(days=30)
    EventPageFactory(parent=site_tree["agenda"], title="Assises passées", start=start)
    EventPageFactory(parent=site_tree["agenda"], title="Assises à venir")

    upcoming = client.get("/agenda/").content.decode()
    past = client.get("/agenda/passes/").content.decode()
    assert "Assises à venir" in upcoming and "Assises passées" not in upcoming
    assert "Assises passées" in past and "Assises à venir" not in past


def test_cancelled_event_stays_published_with_a_visible_badge(client, site_tree):
    event = EventPageFactory(parent=site_tree["agenda"], title="Mission annulée", status="annule")
    assert "Annulé" in client.get(event.url).content.decode()
    assert "Annulé" in client.get("/agenda/").content.decode()


def test_unknown_url_gives_the_french_404_page(client, site_tree):
    response = client.get("/cette-page-n-existe-pas/")
    assert response.status_code == 404
    body = response.content.decode()
    assert "Page introuvable" in body
    assert 'lang="fr"' in body
