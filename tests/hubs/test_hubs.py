import datetime

import pytest
from django.db import reset_queries
from django.utils import timezone

from tests.factories import (
    ArticlePageFactory,
    CountryFactory,
    EventPageFactory,
    ResourcePageFactory,
    ThemeFactory,
)

pytestmark = pytest.mark.django_db


def test_country_hub_shows_description_news_upcoming_events_and_resources(client, site_tree):
    palestine = CountryFactory(
        name="Palestine",
        slug="palestine",
        region="moyen-orient",
        is_country_group=True,
        description="Le groupe-pays Palestine réunit les collectivités engagées.",
    )
    liban = CountryFactory(name="Liban", slug="liban", region="moyen-orient")
    ArticlePageFactory(parent=site_tree["articles"], title="Gaza : appel à la solidarité", countries=[palestine])
    ArticlePageFactory(parent=site_tree["articles"], title="Beyrouth : le port", countries=[liban])
    ArticlePageFactory(parent=site_tree["articles"], title="Brouillon Palestine", countries=[palestine], live=False)
    EventPageFactory(parent=site_tree["agenda"], title="Réunion du groupe-pays Palestine", countries=[palestine])
    EventPageFactory(
        parent=site_tree["agenda"],
        title="Réunion passée",
        countries=[palestine],
        start=timezone.now() - datetime.timedelta(days=30),
        end=timezone.now() - datetime.timedelta(days=30),
    )
    ResourcePageFactory(
        parent=site_tree["resources"], title="Guide de la coopération avec la Palestine", countries=[palestine]
    )

    response = client.get("/pays/palestine/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1>Palestine</h1>" in html
    assert "Le groupe-pays Palestine réunit les collectivités engagées." in html
    assert "Gaza : appel à la solidarité" in html
    assert "Réunion du groupe-pays Palestine" in html
    assert "Guide de la coopération avec la Palestine" in html
    for absent in ("Beyrouth : le port", "Brouillon Palestine", "Réunion passée"):
        assert absent not in html
    assert 'href="/actualites/?pays=palestine"' in html
    assert 'href="/agenda/?pays=palestine"' in html


def test_theme_hub_and_empty_sections(client, site_tree):
    eau = ThemeFactory(name="Eau et assainissement", slug="eau-et-assainissement", description="L’accès à l’eau.")
    ArticlePageFactory(parent=site_tree["articles"], title="Forages au Burkina Faso", themes=[eau])

    html = client.get("/thematiques/eau-et-assainissement/").content.decode()
    assert "Forages au Burkina Faso" in html
    assert "L’accès à l’eau." in html
    assert "Aucun événement à venir pour le moment." in html
    assert "Aucune ressource pour le moment." in html


@pytest.mark.parametrize(
    "url", ["/pays/atlantide/", "/thematiques/inconnue/", "/pays/%3Cscript%3E/", "/thematiques/" + "x" * 300 + "/"]
)
def test_unknown_terms_give_404(client, site_tree, url):
    assert client.get(url).status_code == 404


def test_country_index_groups_countries_by_region(client, site_tree):
    CountryFactory(name="Sénégal", slug="senegal", region="afrique")
    CountryFactory(name="Mali", slug="mali", region="afrique")
    CountryFactory(name="Arménie", slug="armenie", region="europe", is_country_group=True)
    ThemeFactory(name="Culture", slug="culture")

    html = client.get("/pays/").content.decode()
    afrique, europe = html.index("<h2", html.index("Afrique") - 40), html.index("Europe</h2>")
    assert afrique < html.index("Mali") < html.index("Sénégal") < europe < html.index("Arménie")
    assert 'href="/pays/armenie/"' in html
    assert "Amériques" not in html  # empty regions are not listed
    assert 'href="/thematiques/culture/"' in client.get("/thematiques/").content.decode()


def test_article_terms_link_to_their_hubs(client, site_tree):
    mali = CountryFactory(name="Mali", slug="mali")
    article = ArticlePageFactory(parent=site_tree["articles"], countries=[mali])
    assert 'href="/pays/mali/"' in client.get(article.url).content.decode()


def test_hub_query_count_does_not_grow_with_content(client, site_tree, django_assert_max_num_queries):
    mali = CountryFactory(name="Mali", slug="mali")
    ArticlePageFactory(parent=site_tree["articles"], countries=[mali])
    EventPageFactory(parent=site_tree["agenda"], countries=[mali])
    ResourcePageFactory(parent=site_tree["resources"], countries=[mali])
    client.get("/pays/mali/")
    reset_queries()  # the query log holds at most 9000 entries; page creation fills it
    with django_assert_max_num_queries(40) as few:
        client.get("/pays/mali/")
    baseline = len(few)
    assert baseline > 0
    for _ in range(5):
        ArticlePageFactory(parent=site_tree["articles"], countries=[mali])
        EventPageFactory(parent=site_tree["agenda"], countries=[mali])
        ResourcePageFactory(parent=site_tree["resources"], countries=[mali])
    client.get("/pays/mali/")
    reset_queries()
    with django_assert_max_num_queries(baseline):
        client.get("/pays/mali/")
