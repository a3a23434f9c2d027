import datetime

import pytest
from django.db import reset_queries

from articles.choices import ArticleKind
from tests.factories import ArticlePageFactory, CountryFactory, ThemeFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def news(site_tree):
    palestine = CountryFactory(name="Palestine", slug="palestine", region="moyen-orient")
    liban = CountryFactory(name="Liban", slug="liban", region="moyen-orient")
    crises = ThemeFactory(name="Crises et réhabilitation", slug="crises-et-rehabilitation")
    climat = ThemeFactory(name="Climat", slug="climat")
    index = site_tree["articles"]
    return {
        "match": ArticlePageFactory(
            parent=index,
            title="Gaza : appel des collectivités",
            date=datetime.date(2025, 5, 2),
            countries=[palestine],
            themes=[crises],
        ),
        "other_year": ArticlePageFactory(
            parent=index,
            title="Gaza : bilan de l’aide",
            date=datetime.date(2024, 11, 3),
            countries=[palestine],
            themes=[crises],
        ),
        "other_theme": ArticlePageFactory(
            parent=index,
            title="Naplouse : plan climat",
            date=datetime.date(2025, 3, 1),
            countries=[palestine],
            themes=[climat],
            kind=ArticleKind.COMMUNIQUE,
        ),
        "other_country": ArticlePageFactory(
            parent=index,
            title="Beyrouth : reconstruction du port",
            date=datetime.date(2025, 2, 1),
            countries=[liban],
            themes=[crises],
        ),
    }


def titles(response):
    return {article.title for article in response.context["articles"]}


def test_each_filter_narrows_the_listing(client, news):
    assert titles(client.get("/actualites/", {"pays": "palestine"})) == {
        "Gaza : appel des collectivités",
        "Gaza : bilan de l’aide",
        "Naplouse : plan climat",
    }
    assert titles(client.get("/actualites/", {"thematique": "climat"})) == {"Naplouse : plan climat"}
    assert titles(client.get("/actualites/", {"type": "communique"})) == {"Naplouse : plan climat"}
    assert titles(client.get("/actualites/", {"annee": "2024"})) == {"Gaza : bilan de l’aide"}


def test_filters_combine(client, news):
    response = client.get(
        "/actualites/", {"pays": "palestine", "thematique": "crises-et-rehabilitation", "annee": "2025"}
    )
    assert response.status_code == 200
    assert titles(response) == {"Gaza : appel des collectivités"}
    html = response.content.decode()
    assert "1 résultat" in html
    assert "Réinitialiser" in html


def test_filter_form_is_visible_with_labels_and_count(client, news):
    html = client.get("/actualites/").content.decode()
    assert '<form class="filters" method="get"' in html
    for name, label in (("pays", "Pays"), ("thematique", "Thématique"), ("type", "Type"), ("annee", "Année")):
        assert f'<label for="id_{name}">{label}' in html
    assert '<option value="palestine">Palestine</option>' in html
    assert '<option value="2024">2024</option>' in html
    assert "4 résultats" in html
    assert 'type="submit"' in html


def test_unknown_values_are_ignored_with_a_french_message(client, news):
    response = client.get("/actualites/", {"pays": "atlantide", "type": "rumeur", "annee": "1850"})
    assert response.status_code == 200
    assert len(titles(response)) == 4
    html = response.content.decode()
    assert "Ce pays n’existe pas" in html
    assert "Valeur inconnue pour « Type »" in html
    assert "le filtre « Année » est ignoré" in html


@pytest.mark.parametrize(
    "params",
    [
        {"annee": "abc"},
        {"annee": "2025-13-45"},
        {"pays": "<script>alert(1)</script>"},
        {"thematique": "' OR 1=1 --"},
        {"page": "abc"},
        {"page": "99999"},
        {"pays": "x" * 5000},
    ],
)
def test_bad_input_never_gives_a_server_error_nor_reflects_markup(client, news, params):
    response = client.get("/actualites/", params)
    assert response.status_code == 200
    assert "<script>alert(1)</script>" not in response.content.decode()


def test_repeated_parameter_uses_the_last_value(client, news):
    response = client.get("/actualites/?pays=liban&pays=palestine&thematique=climat")
    assert response.status_code == 200
    assert titles(response) == {"Naplouse : plan climat"}


def test_pagination_keeps_the_filters(client, site_tree, settings):
    settings.ARTICLES_PER_PAGE = 2
    palestine = CountryFactory(name="Palestine", slug="palestine")
    for day in range(5):
        ArticlePageFactory(
            parent=site_tree["articles"],
            date=datetime.date(2025, 1, 1) + datetime.timedelta(days=day),
            countries=[palestine],
        )
    ArticlePageFactory(parent=site_tree["articles"], title="Sans pays")
    html = client.get("/actualites/", {"pays": "palestine"}).content.decode()
    assert "5 résultats" in html
    assert 'href="?pays=palestine&amp;page=2"' in html
    page_three = client.get("/actualites/", {"pays": "palestine", "page": "3"})
    assert len(page_three.context["articles"]) == 1


def count_queries(client, django_assert_max_num_queries, url, limit):
    reset_queries()  # the query log holds at most 9000 entries; page creation fills it
    with django_assert_max_num_queries(limit) as captured:
        response = client.get(url)
    assert response.status_code == 200
    assert len(captured) > 0
    return len(captured)


def test_filtered_listing_query_count_does_not_grow_with_cards(
    client, site_tree, settings, django_assert_max_num_queries
):
    settings.ARTICLES_PER_PAGE = 50
    palestine = CountryFactory(name="Palestine", slug="palestine")
    crises = ThemeFactory(name="Crises", slug="crises")
    url = "/actualites/?pays=palestine&thematique=crises&annee=2025"
    for _ in range(10):
        ArticlePageFactory(parent=site_tree["articles"], countries=[palestine], themes=[crises])
    client.get(url)  # warm caches (site root paths, renditions)
    with_ten = count_queries(client, django_assert_max_num_queries, url, 40)
    for _ in range(40):
        ArticlePageFactory(parent=site_tree["articles"], countries=[palestine], themes=[crises])
    client.get(url)
    with_fifty = count_queries(client, django_assert_max_num_queries, url, with_ten)
    assert "50 résultats" in client.get(url).content.decode()
    assert with_fifty <= with_ten
