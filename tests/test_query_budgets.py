"""Query budgets of the public pages: a fixed number of SQL queries whatever the number of cards or the page.

Each page is requested once first (renditions get created, as on a live site), then the cache is cleared
and the page requested again: that "cold cache" request is what is counted, as in `make bench`.
"""

import datetime

import pytest
from django.core.cache import caches
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from articles.models import ArticlePage
from media_library.pages import ResourceKind
from tests.factories import (
    ArticlePageFactory,
    CountryFactory,
    EventPageFactory,
    ImageFactory,
    ResourcePageFactory,
    ThemeFactory,
)
from tests.home.test_homepage import SEED_SECTIONS, set_sections

pytestmark = pytest.mark.django_db

# Cold-cache budgets (the benchmark's target is at most 20 for every public page).
BUDGETS = {"home": 16, "listing": 21, "article": 16, "event": 16, "resource": 17}


def clear_caches():
    for alias in caches:
        caches[alias].clear()


def cold_queries(client, url):
    """(response, number of queries) of a request with every cache cleared; renditions already exist."""
    client.get(url)
    clear_caches()
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return response, len(queries)


@pytest.fixture
def terms(site_tree):
    images = [ImageFactory(title=f"Couverture {n}", description=f"Couverture numéro {n}") for n in range(8)]
    themed = ThemeFactory(name="Eau et assainissement", default_image=ImageFactory(description="Un puits"))
    return {
        "images": images,
        "countries": [CountryFactory(name=name) for name in ("Liban", "Japon", "Maroc")],
        "themes": [themed, ThemeFactory(name="Jeunesse")],
    }


def tagged(terms, number):
    """Cards of every shape: own cover, theme default image, site default image; one to three terms."""
    cover = terms["images"][number % len(terms["images"])] if number % 3 else None
    return {
        "cover": cover,
        "countries": terms["countries"][: 1 + number % 3],
        "themes": terms["themes"][: 1 + number % 2] if number % 3 != 2 else [terms["themes"][1]],
    }


def published_article(index, countries=(), themes=(), **fields):
    """A live article added under `index` the way an import would (no revision history: faster to build)."""
    page = ArticlePage(live=True, has_unpublished_changes=False, **fields)
    index.add_child(instance=page)
    page.countries.set(countries)
    page.themes.set(themes)
    return page


@pytest.fixture
def sixty_articles(site_tree, terms):
    start = datetime.date(2024, 1, 1)
    return [
        published_article(
            site_tree["articles"],
            title=f"Article de test numéro {n:02d}",
            slug=f"article-de-test-{n:02d}",
            date=start + datetime.timedelta(days=n),
            intro="Les collectivités renforcent leur coopération.",
            **tagged(terms, n),
        )
        for n in range(60)
    ]


def test_article_listing_costs_the_same_for_10_and_50_cards_and_any_page(client, settings, sixty_articles):
    settings.ARTICLES_PER_PAGE = 10
    first, ten_cards = cold_queries(client, "/actualites/")
    last, last_page = cold_queries(client, "/actualites/?page=6")
    settings.ARTICLES_PER_PAGE = 50
    full, fifty_cards = cold_queries(client, "/actualites/")

    assert first.content.decode().count('class="card__title"') == 10
    assert full.content.decode().count('class="card__title"') == 50
    assert "Article de test numéro 00" in last.content.decode()
    assert ten_cards == last_page == fifty_cards, (ten_cards, last_page, fifty_cards)
    assert fifty_cards <= BUDGETS["listing"]


def test_homepage_costs_the_same_for_10_and_24_cards(client, site_tree, sixty_articles, django_assert_max_num_queries):
    set_sections(site_tree["home"], SEED_SECTIONS)
    _, ten_cards = cold_queries(client, "/")
    sections = [dict(SEED_SECTIONS[0], value=dict(SEED_SECTIONS[0]["value"], count=24)), *SEED_SECTIONS[1:]]
    set_sections(site_tree["home"], sections)
    response, many_cards = cold_queries(client, "/")

    assert response.content.decode().count('class="card__title"') == 24
    assert ten_cards == many_cards, (ten_cards, many_cards)
    client.get("/")
    clear_caches()
    with django_assert_max_num_queries(BUDGETS["home"]):
        client.get("/")


def test_agenda_and_resource_centre_cost_the_same_for_few_and_many_items(client, settings, site_tree, terms):
    soon = timezone.now() + datetime.timedelta(days=3)
    for n in range(20):
        EventPageFactory(parent=site_tree["agenda"], start=soon + datetime.timedelta(days=n), **tagged(terms, n))
    kinds = ResourceKind.values
    for n in range(12):
        ResourcePageFactory(parent=site_tree["resources"], kind=kinds[n % 4], **tagged(terms, n))

    settings.EVENTS_PER_PAGE = settings.RESOURCES_PER_PAGE = 4
    _, few_events = cold_queries(client, "/agenda/")
    _, few_resources = cold_queries(client, "/centre-de-ressources/")
    settings.EVENTS_PER_PAGE = settings.RESOURCES_PER_PAGE = 20
    events, many_events = cold_queries(client, "/agenda/")
    resources, many_resources = cold_queries(client, "/centre-de-ressources/")

    assert events.content.decode().count('class="event-item__title"') == 20
    assert "Ressource" in resources.content.decode()
    assert few_events == many_events <= BUDGETS["listing"], (few_events, many_events)
    assert few_resources == many_resources <= BUDGETS["listing"], (few_resources, many_resources)


@pytest.mark.parametrize("kind", ["article", "event", "resource"])
def test_detail_pages_stay_within_their_budget(client, site_tree, terms, kind, django_assert_max_num_queries):
    spec = tagged(terms, 4)
    if kind == "article":
        page = ArticlePageFactory(parent=site_tree["articles"], title="Mission à Beyrouth", **spec)
    elif kind == "event":
        page = EventPageFactory(parent=site_tree["agenda"], title="Assises à Lyon", **spec)
    else:
        page = ResourcePageFactory(parent=site_tree["resources"], title="Guide pratique", kind="photo", **spec)
    client.get(page.url)
    clear_caches()
    with django_assert_max_num_queries(BUDGETS[kind]):
        response = client.get(page.url)
    assert page.title in response.content.decode()


def test_admin_explorer_makes_no_query_per_child_row(client, site_tree, sixty_articles):
    """The page explorer lists 50 children per page: a full page costs what a page of 10 rows costs."""
    from django.contrib.auth import get_user_model

    admin = get_user_model().objects.create_superuser("chef", "chef@example.org", "mot-de-passe-solide")
    client.force_login(admin)
    url = f"/admin/pages/{site_tree['articles'].pk}/"
    full, fifty_rows = cold_queries(client, f"{url}?ordering=title")
    client.force_login(admin)
    rest, ten_rows = cold_queries(client, f"{url}?ordering=title&p=2")

    assert "Article de test numéro 00" in full.content.decode()
    assert "Article de test numéro 59" in rest.content.decode()
    assert "Article de test numéro 59" not in full.content.decode()
    assert fifty_rows == ten_rows, (fifty_rows, ten_rows)
