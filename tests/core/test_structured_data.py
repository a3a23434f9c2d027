"""Every public page type carries the JSON-LD its schema.org type needs (the table of
tools/validators/jsonld.py, which `make validate` also runs on the demo site), and a meta description."""

import datetime
import re
import zoneinfo

import pytest
from django.utils import timezone
from wagtail.models import Site

from core.models import SiteSettings
from core.seo import DEFAULT_SITE_DESCRIPTION, iso
from tests.factories import (
    ArticlePageFactory,
    CallPageFactory,
    CountryFactory,
    EventPageFactory,
    FundPageFactory,
    ImageFactory,
    NewsletterIndexPageFactory,
    NewsletterIssuePageFactory,
    ResourcePageFactory,
    StandardPageFactory,
    build_funds_and_calls,
)
from tests.groups.network import build_network
from tools.validators.jsonld import extract, problems

pytestmark = pytest.mark.django_db
ORIGIN = "http://testserver"
PARIS = zoneinfo.ZoneInfo("Europe/Paris")


@pytest.fixture(autouse=True)
def default_image(site_tree):
    """The site's default image, as every real site has (the demo's): pages without a cover share it."""
    settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    settings.default_image = ImageFactory(description="Cités Unies France")
    settings.save()


def page(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def by_type(html):
    return {data["@type"]: data for data in extract(html)[0]}


def meta_description(html):
    match = re.search(r'<meta name="description" content="([^"]*)">', html)
    return match.group(1) if match else None


def test_home_page_has_website_with_search_organization_and_a_description(client, site_tree):
    html = page(client, "/")
    assert problems(html, ORIGIN, expect=["WebSite", "Organization"]) == []
    data = by_type(html)
    search = data["WebSite"]["potentialAction"]
    assert search["target"]["urlTemplate"] == f"{ORIGIN}/recherche/?q={{search_term_string}}"
    assert data["Organization"]["logo"]["url"].startswith(f"{ORIGIN}/static/img/logo")
    assert "BreadcrumbList" not in data
    assert meta_description(html) == DEFAULT_SITE_DESCRIPTION

    home = site_tree["home"]
    home.search_description = "Le portail des collectivités engagées à l’international."
    home.save_revision().publish()
    assert meta_description(page(client, "/")) == "Le portail des collectivités engagées à l’international."


def test_news_article_has_author_publisher_and_full_timestamps(client, site_tree):
    article = ArticlePageFactory(
        parent=site_tree["articles"], title="Eau potable", date=datetime.date(2025, 4, 3), cover=ImageFactory()
    )
    html = page(client, article.url)
    assert problems(html, ORIGIN, expect=["NewsArticle", "BreadcrumbList"]) == []
    data = by_type(html)
    news = data["NewsArticle"]
    assert news["author"] == [news["publisher"]]
    assert news["publisher"]["name"] == "Cités Unies France"
    assert news["publisher"]["url"] == f"{ORIGIN}/"
    assert news["publisher"]["logo"]["url"].startswith(f"{ORIGIN}/static/")
    assert news["datePublished"] == "2025-04-03T08:00:00+02:00"
    assert re.match(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$", news["dateModified"])
    crumbs = [(item["name"], item["item"]) for item in data["BreadcrumbList"]["itemListElement"]]
    assert crumbs == [
        ("Accueil", f"{ORIGIN}/"),
        ("Actualités", f"{ORIGIN}/actualites/"),
        ("Eau potable", f"{ORIGIN}{article.url}"),
    ]
    assert meta_description(html)


def test_an_article_published_on_its_date_keeps_its_publication_time(client, site_tree):
    article = ArticlePageFactory(parent=site_tree["articles"], title="Du jour", date=timezone.localdate())
    article.refresh_from_db()
    news = by_type(page(client, article.url))["NewsArticle"]
    assert news["datePublished"] == iso(article.first_published_at)


def test_event_has_organizer_and_location(client, site_tree):
    event = EventPageFactory(
        parent=site_tree["agenda"],
        title="Assises",
        start=datetime.datetime(2030, 6, 12, 9, 30, tzinfo=PARIS),
        end=datetime.datetime(2030, 6, 12, 17, tzinfo=PARIS),
        venue="Palais des congrès",
        city="Lyon",
    )
    html = page(client, event.url)
    assert problems(html, ORIGIN, expect=["Event", "BreadcrumbList"]) == []
    data = by_type(html)["Event"]
    assert data["organizer"]["name"] == "Cités Unies France" and data["organizer"]["url"] == f"{ORIGIN}/"
    assert data["location"]["address"]["addressLocality"] == "Lyon"


@pytest.mark.parametrize(
    ("url", "types"),
    [
        ("/actualites/", ["CollectionPage", "BreadcrumbList"]),
        ("/agenda/", ["CollectionPage", "BreadcrumbList"]),
        ("/centre-de-ressources/", ["CollectionPage", "BreadcrumbList"]),
        ("/pays/", ["CollectionPage", "BreadcrumbList"]),
        ("/thematiques/", ["CollectionPage", "BreadcrumbList"]),
    ],
)
def test_listings_are_collection_pages(client, site_tree, url, types):
    html = page(client, url)
    assert problems(html, ORIGIN, expect=types) == []
    assert meta_description(html) or url in ("/actualites/", "/agenda/", "/centre-de-ressources/")


def test_free_page_resource_and_hubs(client, site_tree):
    mali = CountryFactory(name="Mali", slug="mali")
    free = StandardPageFactory(parent=site_tree["home"], title="Qui sommes-nous ?", intro="Le réseau.")
    resource = ResourcePageFactory(parent=site_tree["resources"], title="Guide", countries=[mali])
    assert problems(page(client, free.url), ORIGIN, expect=["WebPage", "BreadcrumbList"]) == []
    html = page(client, resource.url)
    assert problems(html, ORIGIN, expect=["CreativeWork", "BreadcrumbList"]) == []
    hub = page(client, "/pays/mali/")
    assert problems(hub, ORIGIN, expect=["CollectionPage", "BreadcrumbList"]) == []
    assert meta_description(hub)


def test_funds_calls_groups_and_directory(client, site_tree):
    tree = build_funds_and_calls(site_tree["home"])
    fund = FundPageFactory(parent=tree["funds"], title="Fonds Liban")
    call = CallPageFactory(parent=tree["calls"], title="Appel eau")
    network = build_network(site_tree)
    assert problems(page(client, fund.url), ORIGIN, expect=["DonateAction", "BreadcrumbList"]) == []
    assert problems(page(client, call.url), ORIGIN, expect=["CreativeWork", "BreadcrumbList"]) == []
    group = network["groups"]["armenie"]
    assert problems(page(client, group.url), ORIGIN, expect=["Organization", "BreadcrumbList"]) == []
    html = page(client, "/collectivites/alfortville/")
    assert problems(html, ORIGIN, expect=["GovernmentOrganization", "BreadcrumbList"]) == []
    crumbs = by_type(html)["BreadcrumbList"]["itemListElement"]
    assert [item["name"] for item in crumbs] == ["Accueil", "Collectivités", "Ville d’Alfortville"]


@pytest.mark.django_db(False)
def test_the_check_reports_what_is_missing():
    html = (
        '<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle",'
        '"headline":"x","datePublished":"2025-04-03","url":"http://ailleurs.example/x"}</script>'
    )
    messages = problems(html, ORIGIN, expect=["BreadcrumbList"])
    assert "NewsArticle: required property author missing" in messages
    assert "NewsArticle: datePublished '2025-04-03' is not a full ISO 8601 timestamp with a time zone" in messages
    assert "NewsArticle.url: http://ailleurs.example/x is not on http://testserver" in messages
    assert "no BreadcrumbList JSON-LD" in messages


def test_a_newsletter_issue_has_a_description(client, site_tree):
    index = NewsletterIndexPageFactory(parent=site_tree["home"])
    issue = NewsletterIssuePageFactory(parent=index, number=42, editorial="<p>Le mot de la <b>rédaction</b>.</p>")
    html = page(client, issue.url)
    assert meta_description(html) == "La lettre de la coopération décentralisée n° 42 : Le mot de la rédaction."
    assert problems(html, ORIGIN, expect=["WebPage", "BreadcrumbList"]) == []
