"""A filtered listing costs the same number of queries for 10 cards as for 50."""

import pytest
from django.db import reset_queries

from tests.factories import (
    ArticlePageFactory,
    CountryFactory,
    EventPageFactory,
    ImageFactory,
    ResourcePageFactory,
    ThemeFactory,
)

pytestmark = pytest.mark.django_db

LISTINGS = {
    "articles": (ArticlePageFactory, "/actualites/?pays=mali&thematique=eau"),
    "agenda": (EventPageFactory, "/agenda/?pays=mali&thematique=eau&format=presentiel"),
    "resources": (ResourcePageFactory, "/centre-de-ressources/?pays=mali&thematique=eau&type=texte"),
}


def queries_for(client, url, django_assert_max_num_queries):
    client.get(url)  # warm per-process caches (site root paths)
    reset_queries()  # the query log holds at most 9000 entries; page creation fills it
    with django_assert_max_num_queries(60) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured), response


@pytest.mark.parametrize("listing", LISTINGS)
def test_listing_queries_do_not_grow_from_10_to_50_cards(
    client, site_tree, settings, django_assert_max_num_queries, listing
):
    settings.ARTICLES_PER_PAGE = settings.EVENTS_PER_PAGE = settings.RESOURCES_PER_PAGE = 50
    factory, url = LISTINGS[listing]
    parent = {"articles": site_tree["articles"], "agenda": site_tree["agenda"], "resources": site_tree["resources"]}[
        listing
    ]
    mali = CountryFactory(name="Mali", slug="mali")
    eau = ThemeFactory(name="Eau", slug="eau", default_image=ImageFactory())

    def add(count):
        for number in range(count):
            # Half the cards have their own cover, the others fall back to the theme's image.
            factory(parent=parent, countries=[mali], themes=[eau], cover=ImageFactory() if number % 2 else None)

    add(10)
    with_ten, _ = queries_for(client, url, django_assert_max_num_queries)
    add(40)
    with_fifty, response = queries_for(client, url, django_assert_max_num_queries)
    assert "50 résultats" in response.content.decode()
    print(f"{listing}: {with_ten} queries for 10 cards, {with_fifty} for 50")  # noqa: T201
    assert with_fifty <= with_ten
