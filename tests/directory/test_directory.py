"""The directory of local governments as a visitor uses it: listing, filters (bad input included),
a local government's page, its JSON-LD, the sitemap, the purge when an editor changes one."""

import json
import re

import pytest
from django.core.cache import caches
from django.db import transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from directory.models import Collectivite, DirectoryIndexPage
from pagecache import generation
from pagecache.purge import purged_models
from tests.factories import CollectiviteFactory, DirectoryIndexPageFactory, EventPageFactory

pytestmark = pytest.mark.django_db


def names(body):
    return re.findall(r'<h2 class="directory-item__title"><a href="[^"]+">([^<]+)</a>', body)


def test_the_directory_lists_every_local_government_alphabetically(client, network):
    response = client.get("/collectivites/")
    assert response.status_code == 200
    body = response.content.decode()
    listed = names(body)
    assert sorted(listed) == sorted(
        ["Département de l’Isère", "Ville d’Alfortville", "Ville de Paris", "Ville de Valence"]
    )
    assert listed[0] == "Département de l’Isère" and listed.index("Ville de Paris") < listed.index("Ville de Valence")
    assert "Commune · Île-de-France" in body
    assert "4 résultats" in body
    assert 'href="/collectivites/"' in body, "reachable from the main menu"


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"type": "departement"}, ["Département de l’Isère"]),
        ({"region": "ile-de-france"}, ["Ville d’Alfortville", "Ville de Paris"]),
        ({"groupe": "armenie"}, ["Département de l’Isère", "Ville d’Alfortville", "Ville de Valence"]),
        ({"groupe": "liban"}, ["Département de l’Isère", "Ville de Paris"]),
        ({"groupe": "japon"}, []),
        ({"adherent": "non"}, ["Département de l’Isère"]),
        ({"adherent": "oui", "region": "ile-de-france"}, ["Ville d’Alfortville", "Ville de Paris"]),
        ({"groupe": "armenie", "type": "commune"}, ["Ville d’Alfortville", "Ville de Valence"]),
    ],
)
def test_filters(client, network, query, expected):
    # Sorted here: the database's collation decides where "d’A…" goes among "de P…".
    assert sorted(names(client.get("/collectivites/", query).content.decode())) == sorted(expected)


@pytest.mark.parametrize(
    "query", [{"region": "ile-de-france"}, {"adherent": "non"}, {"groupe": "liban", "type": "ville"}]
)
def test_every_filter_reaches_the_view_with_the_page_cache_on(client, network, page_cache, query):
    """The page cache drops unknown parameters before the view: each filter must be in its allow-list."""
    for attempt in ("miss", "hit"):
        filtered = names(client.get("/collectivites/", query).content.decode())
        assert filtered == names(client.get("/collectivites/", query).content.decode()), attempt
    assert sorted(filtered) != sorted(names(client.get("/collectivites/").content.decode()))


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ({"type": "metropole"}, "Valeur inconnue pour « Type » : ce filtre est ignoré."),
        ({"region": "bavière"}, "Valeur inconnue pour « Région » : ce filtre est ignoré."),
        ({"groupe": "atlantide"}, "Ce groupe-pays n’existe pas : le filtre « Groupe-pays » est ignoré."),
        ({"groupe": "allemagne"}, "Ce groupe-pays n’existe pas"),
        ({"adherent": "peut-etre"}, "Valeur inconnue pour « Adhésion » : ce filtre est ignoré."),
    ],
)
def test_bad_filter_values_give_a_french_message_and_are_ignored(client, network, query, message):
    response = client.get("/collectivites/", {**query, "region": query.get("region", "ile-de-france")})
    assert response.status_code == 200
    body = response.content.decode()
    assert message in body
    if "region" not in query:
        # The other, valid filter still applies and keeps its value in the form.
        assert sorted(names(body)) == ["Ville de Paris", "Ville d’Alfortville"]
        assert '<option value="ile-de-france" selected>' in body


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    st.dictionaries(
        st.sampled_from(["type", "region", "groupe", "adherent", "page"]),
        st.text(alphabet=st.characters(codec="utf-8", exclude_characters="\x00"), max_size=30),
        max_size=5,
    )
)
def test_any_query_string_gets_a_page_never_a_500(client, site_tree, query):
    if not Collectivite.objects.exists():
        CollectiviteFactory(name="Ville de Rennes", slug="rennes")
    if not DirectoryIndexPage.objects.exists():
        DirectoryIndexPageFactory(parent=site_tree["home"])
    assert client.get("/collectivites/", query).status_code == 200


def test_pagination(client, site_tree, settings):
    settings.DIRECTORY_PER_PAGE = 5
    DirectoryIndexPageFactory(parent=site_tree["home"])
    Collectivite.objects.bulk_create(
        Collectivite(name=f"Commune {n:02d}", slug=f"commune-{n:02d}", kind="commune", region="bretagne")
        for n in range(12)
    )
    page_two = client.get("/collectivites/", {"page": 2}).content.decode()
    assert names(page_two) == [f"Commune {n:02d}" for n in range(5, 10)]
    assert "12 résultats" in page_two
    assert names(client.get("/collectivites/", {"page": "x"}).content.decode())[0] == "Commune 00"
    assert names(client.get("/collectivites/", {"page": 99}).content.decode()) == ["Commune 10", "Commune 11"]


def test_a_local_government_page_shows_its_groups_roles_and_meetings(client, network, site_tree):
    body = client.get("/collectivites/isere/").content.decode()
    assert "<h1>Département de l’Isère</h1>" in body
    assert (
        '<a href="/groupes-pays/armenie/">Groupe-pays Arménie</a> <span class="directory-item__role">(Membre)' in body
    )
    assert '<a href="/groupes-pays/liban/">Groupe-pays Liban</a>' in body
    # Events tagged with the countries of its groups: Arménie and Liban, upcoming only.
    assert "Réunion du groupe-pays Arménie" in body and "Réunion du groupe-pays Liban" in body
    assert "Assises de Goris" not in body, "past"
    chair = client.get("/collectivites/alfortville/").content.decode()
    assert "(Présidente)" in chair and "Réunion du groupe-pays Liban" not in chair
    assert "(Vice-présidente)" in client.get("/collectivites/valence/").content.decode()


def test_a_local_government_without_group_says_so(client, network):
    CollectiviteFactory(name="Ville de Brest", slug="brest", website="https://www.brest.fr/")
    body = client.get("/collectivites/brest/").content.decode()
    assert "Cette collectivité ne participe à aucun groupe-pays pour le moment." in body
    assert 'href="https://www.brest.fr/"' in body
    # No solidarity-fund contribution model (or none for it): the hook point renders nothing.
    assert "Contributions aux fonds de solidarité" not in body


def test_unknown_local_government_is_a_404(client, network):
    assert client.get("/collectivites/atlantide/").status_code == 404


def test_government_organization_json_ld_and_title(client, network):
    body = client.get("/collectivites/alfortville/").content.decode()
    assert "<title>Ville d’Alfortville – Cités Unies France</title>" in body
    data = [json.loads(raw) for raw in re.findall(r'<script type="application/ld\+json">(.*?)</script>', body, re.S)]
    organization = next(item for item in data if item["@type"] == "GovernmentOrganization")
    assert organization["name"] == "Ville d’Alfortville"
    assert organization["url"].endswith("/collectivites/alfortville/")
    assert organization["address"]["addressRegion"] == "Île-de-France"
    assert organization["memberOf"]["name"] == "Cités Unies France"


def test_sitemap_lists_the_directory_and_each_local_government(client, network):
    body = client.get("/sitemap-pages.xml").content.decode()
    assert "/collectivites/</loc>" in body
    assert "/collectivites/alfortville/</loc>" in body
    assert "/groupes-pays/armenie/</loc>" in body


def test_an_event_of_an_unrelated_country_is_not_on_the_page(client, network, site_tree):
    EventPageFactory(
        parent=site_tree["agenda"], title="Réunion du groupe-pays Japon", countries=[network["countries"]["japon"]]
    )
    assert "Réunion du groupe-pays Japon" not in client.get("/collectivites/isere/").content.decode()


def test_saving_a_local_government_purges_the_page_cache(network, django_capture_on_commit_callbacks):
    assert Collectivite in purged_models()
    cache = caches["default"]
    before = generation.read(cache)
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        collectivite = network["collectivites"]["paris"]
        collectivite.description = "Nouvelle présentation."
        collectivite.save()
    assert generation.read(cache) != before


def test_the_sitemap_gives_each_page_the_url_and_date_wagtail_gives_it(client, network, site_tree):
    """core/sitemaps.py builds URLs from values instead of asking each page: they must be Wagtail's own."""
    from wagtail.models import Page

    from tests.core.test_metadata import sitemap_entries

    entries = sitemap_entries(client)
    root = site_tree["home"]
    for page in root.get_descendants(inclusive=True).live().public().specific():
        for url in page.get_sitemap_urls():
            assert url["location"] in entries, url["location"]
            assert entries[url["location"]].text == url["lastmod"].strftime("%Y-%m-%d")
    expected = sum(len(page.specific.get_sitemap_urls()) for page in Page.objects.live().public().filter(depth__gt=1))
    assert len(entries) == expected
    assert any(loc.endswith("/collectivites/alfortville/") for loc in entries)
