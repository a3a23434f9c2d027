import datetime
import json
import re
import zoneinfo
from urllib.parse import urlsplit
from xml.etree import ElementTree

import pytest

from events.choices import EventFormat, EventStatus
from tests.factories import (
    ArticlePageFactory,
    CountryFactory,
    EventPageFactory,
    ImageFactory,
    StandardPageFactory,
)

pytestmark = pytest.mark.django_db
PARIS = zoneinfo.ZoneInfo("Europe/Paris")


def json_ld(html):
    """The page's JSON-LD objects by @type (each type once)."""
    blocks = [json.loads(raw) for raw in re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)]
    by_type = {block["@type"]: block for block in blocks}
    assert len(by_type) == len(blocks), [block["@type"] for block in blocks]
    return by_type


def meta(html, attribute, name):
    match = re.search(rf'<meta {attribute}="{re.escape(name)}" content="([^"]*)">', html)
    return match.group(1) if match else None


def test_article_has_title_description_canonical_social_tags_and_news_article(client, site_tree):
    mali = CountryFactory(name="Mali", slug="mali")
    article = ArticlePageFactory(
        parent=site_tree["articles"],
        title="Bamako </script><script>alert(1)</script>",
        intro="Les villes & régions françaises soutiennent l’accès à l’eau.",
        date=datetime.date(2025, 4, 3),
        countries=[mali],
        cover=ImageFactory(description="Un forage"),
    )
    html = client.get(article.url).content.decode()

    assert "<title>Bamako &lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt; – Cités Unies France</title>" in html
    assert meta(html, "name", "description") == "Les villes &amp; régions françaises soutiennent l’accès à l’eau."
    assert f'<link rel="canonical" href="http://testserver{article.url}">' in html
    assert meta(html, "property", "og:type") == "article"
    image = meta(html, "property", "og:image")
    assert image.startswith("http://testserver/") and ".fill-1200x630" in image
    assert meta(html, "property", "og:image:alt") == "Un forage"
    assert meta(html, "name", "twitter:card") == "summary_large_image"
    assert meta(html, "name", "twitter:image") == image

    assert "</script><script>alert(1)" not in html
    data = json_ld(html)["NewsArticle"]
    assert data["headline"] == "Bamako </script><script>alert(1)</script>"
    assert data["datePublished"] == "2025-04-03T08:00:00+02:00"
    assert data["image"] == [image.replace("&amp;", "&")]
    assert data["keywords"] == "Mali"
    assert data["publisher"]["name"] == "Cités Unies France"


@pytest.mark.parametrize(
    ("status", "event_format", "expected_status", "expected_mode"),
    [
        (EventStatus.ANNULE, EventFormat.EN_LIGNE, "EventCancelled", "OnlineEventAttendanceMode"),
        (EventStatus.REPORTE, EventFormat.PRESENTIEL, "EventPostponed", "OfflineEventAttendanceMode"),
        (EventStatus.PREVU, EventFormat.HYBRIDE, "EventScheduled", "MixedEventAttendanceMode"),
    ],
)
def test_event_json_ld(client, site_tree, status, event_format, expected_status, expected_mode):
    event = EventPageFactory(
        parent=site_tree["agenda"],
        title="Assises",
        status=status,
        format=event_format,
        start=datetime.datetime(2030, 6, 12, 9, 30, tzinfo=PARIS),
        end=datetime.datetime(2030, 6, 12, 17, tzinfo=PARIS),
        venue="Palais des congrès",
        city="Lyon",
        online_url="https://visio.example.org/assises",
    )
    data = json_ld(client.get(event.url).content.decode())["Event"]
    assert data["startDate"] == "2030-06-12T09:30:00+02:00"
    assert data["eventStatus"] == f"https://schema.org/{expected_status}"
    assert data["eventAttendanceMode"] == f"https://schema.org/{expected_mode}"
    locations = data["location"] if isinstance(data["location"], list) else [data["location"]]
    kinds = {location["@type"] for location in locations}
    if event_format == EventFormat.HYBRIDE:
        assert kinds == {"Place", "VirtualLocation"}
    elif event_format == EventFormat.EN_LIGNE:
        assert kinds == {"VirtualLocation"}
    else:
        assert kinds == {"Place"}


def test_page_without_image_has_summary_card_and_site_pages_have_canonical(client, site_tree):
    page = StandardPageFactory(
        parent=site_tree["home"], title="Qui sommes-nous ?", intro="Le réseau des collectivités."
    )
    html = client.get(page.url).content.decode()
    assert meta(html, "name", "twitter:card") == "summary"
    assert meta(html, "property", "og:title") == "Qui sommes-nous ?"
    assert set(json_ld(html)) == {"WebPage", "BreadcrumbList"}
    listing = client.get("/actualites/?pays=mali&page=2").content.decode()
    assert '<link rel="canonical" href="http://testserver/actualites/">' in listing


SITEMAP_NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def sitemap_entries(client):
    """Every <url> of every sitemap the index at /sitemap.xml lists: {loc: <lastmod> element}."""
    index = client.get("/sitemap.xml")
    assert index.status_code == 200
    entries = {}
    for sitemap in ElementTree.fromstring(index.content).findall("s:sitemap", SITEMAP_NS):  # noqa: S314
        response = client.get(_path(sitemap))
        assert response.status_code == 200
        tree = ElementTree.fromstring(response.content)  # noqa: S314 - our own response
        for url in tree.findall("s:url", SITEMAP_NS):
            loc = url.find("s:loc", SITEMAP_NS).text
            assert loc not in entries, f"{loc} listed twice"
            entries[loc] = url.find("s:lastmod", SITEMAP_NS)
    return entries


def _path(sitemap):
    parts = urlsplit(sitemap.find("s:loc", SITEMAP_NS).text)
    return f"{parts.path}?{parts.query}" if parts.query else parts.path


def test_sitemap_lists_live_public_pages_with_lastmod(client, site_tree):
    live = ArticlePageFactory(parent=site_tree["articles"], title="Publié")
    draft = ArticlePageFactory(parent=site_tree["articles"], title="Brouillon", live=False)
    entries = sitemap_entries(client)
    assert any(loc.endswith(live.url) for loc in entries)
    assert not any(loc.endswith(draft.url) for loc in entries)
    lastmod = next(value for loc, value in entries.items() if loc.endswith(live.url))
    assert lastmod is not None and lastmod.text.startswith(str(live.last_published_at.year))


def test_the_sitemap_is_split_into_pages_that_list_every_page_once(client, site_tree, monkeypatch):
    from wagtail.models import Page

    from core.sitemaps import PageSitemap

    monkeypatch.setattr(PageSitemap, "limit", 3)  # 1,000 on the site
    for number in range(5):
        ArticlePageFactory(parent=site_tree["articles"], title=f"Article {number}")
    index = ElementTree.fromstring(client.get("/sitemap.xml").content)  # noqa: S314 - our own response
    locs = [sitemap.find("s:loc", SITEMAP_NS).text for sitemap in index.findall("s:sitemap", SITEMAP_NS)]
    live = Page.objects.live().public().filter(depth__gt=1).count()
    assert len(locs) == -(-live // 3) > 1
    assert locs[1].endswith("/sitemap-pages.xml?p=2")
    entries = sitemap_entries(client)  # fails on a URL listed twice
    assert len(entries) == live
    assert client.get("/sitemap-pages.xml?p=99").status_code == 404
    assert client.get("/sitemap-inconnu.xml").status_code == 404


def test_a_sitemap_page_is_built_once_until_something_is_published(
    client, site_tree, settings, django_capture_on_commit_callbacks
):
    """Each page of 1,000 URLs is stored until the next purge (core.sitemaps.sitemap): the same bytes
    and headers as when it is built, and a page published since is in the next one."""
    settings.FRAGMENT_CACHE = False
    built = client.get("/sitemap-pages.xml?p=1")
    settings.FRAGMENT_CACHE = True
    first, again = client.get("/sitemap-pages.xml?p=1"), client.get("/sitemap-pages.xml?p=1")
    for response in (first, again):
        assert response.content == built.content
        assert [response.get(name) for name in ("Content-Type", "Last-Modified", "X-Robots-Tag")] == [
            built.get(name) for name in ("Content-Type", "Last-Modified", "X-Robots-Tag")
        ]
    assert built["Content-Type"] == "application/xml" and built["X-Robots-Tag"]
    with django_capture_on_commit_callbacks(execute=True):
        new = ArticlePageFactory(parent=site_tree["articles"], title="Jumelage Lyon-Erevan")
    assert new.url in client.get("/sitemap-pages.xml?p=1").content.decode()
    assert new.url in client.get("/sitemap-pages.xml?p=01").content.decode()  # another spelling: built
    assert client.get("/sitemap-pages.xml?p=2").status_code == 404


def test_robots_txt_points_to_the_sitemap(client, site_tree):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    text = response.content.decode()
    assert "Disallow: /admin/" in text
    assert "Disallow: /recherche/" in text
    assert "Sitemap: http://testserver/sitemap.xml" in text
