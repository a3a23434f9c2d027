"""What a visitor gets: every public page from the cache, whatever junk or cookies come along."""

import gzip

import pytest

from tests.factories import ArticlePageFactory, EventPageFactory, ResourcePageFactory, StandardPageFactory
from tests.pagecache.conftest import page_cache_keys

pytestmark = pytest.mark.django_db


@pytest.fixture
def pages(site_tree):
    return {
        **site_tree,
        "article": ArticlePageFactory(parent=site_tree["articles"], title="Mission en Arménie"),
        "event": EventPageFactory(parent=site_tree["agenda"], title="Réunion du groupe-pays Liban"),
        "resource": ResourcePageFactory(parent=site_tree["resources"], title="Guide de la coopération"),
        "standard": StandardPageFactory(parent=site_tree["home"], title="Qui sommes-nous ?"),
    }


def test_every_public_page_type_is_served_from_the_cache(client, pages, page_cache):
    for name, page in pages.items():
        first = client.get(page.url)
        assert first.status_code == 200, name
        assert first["X-Page-Cache"] == "miss", name
        second = client.get(page.url)
        assert second["X-Page-Cache"] == "hit", name
        assert second.content == first.content
        assert second["Content-Type"] == "text/html; charset=utf-8"
        assert page.title in second.content.decode()
        assert not second.cookies, name
    passes = [client.get("/agenda/passes/")["X-Page-Cache"] for _ in range(2)]
    assert passes == ["miss", "hit"]


def test_head_is_answered_from_the_cache(client, pages, redis_page_cache):
    client.get("/actualites/")
    response = client.head("/actualites/")
    assert response.status_code == 200
    assert response["X-Page-Cache"] == "hit"
    assert int(response["Content-Length"]) > 1000
    assert response.content == b""


def test_a_head_miss_fills_the_cache_for_get(client, pages, redis_page_cache):
    assert client.head("/agenda/")["X-Page-Cache"] == "miss"
    response = client.get("/agenda/")
    assert response["X-Page-Cache"] == "hit"
    assert "Agenda" in response.content.decode()


@pytest.mark.parametrize(
    "junk",
    [
        {"utm_source": "lettre", "utm_medium": "email", "utm_campaign": "juin"},
        {"fbclid": "IwAR3xyz"},
        {"r": "123"},
        {"gclid": "abc", "_": "1700000000"},
    ],
)
def test_tracking_and_unknown_parameters_do_not_bypass_the_cache(client, pages, redis_page_cache, junk):
    client.get(pages["article"].url)
    response = client.get(pages["article"].url, junk)
    assert response["X-Page-Cache"] == "hit"
    assert len(page_cache_keys()) == 1


def test_unknown_parameters_never_reach_the_view(client, pages, settings, redis_page_cache):
    settings.ARTICLES_PER_PAGE = 1
    ArticlePageFactory(parent=pages["articles"], title="Deuxième article")
    response = client.get("/actualites/", {"utm_source": "lettre", "fbclid": "x", "page": "1"})
    html = response.content.decode()
    assert "page=2" in html  # the pagination link is there…
    assert "utm_source" not in html and "fbclid" not in html  # …without the junk


def test_equivalent_filters_share_one_entry(client, pages, redis_page_cache):
    assert client.get("/actualites/?thematique=eau&pays=liban")["X-Page-Cache"] == "miss"
    for variant in (
        "?pays=LIBAN&thematique=Eau",
        "?pays=liban&thematique=eau&type=&page=1",
        "?pays=+liban+&thematique=eau",
    ):
        assert client.get(f"/actualites/{variant}")["X-Page-Cache"] == "hit", variant
    assert client.get("/actualites/?pays=liban")["X-Page-Cache"] == "miss"
    assert client.get("/actualites/?page=2")["X-Page-Cache"] in ("miss", "uncacheable")


@pytest.mark.parametrize(
    "cookie",
    [
        "csrftoken=QWERTYUIOPASDFGHJKLZXCVBNM123456",
        "_pk_id.1.1fff=4c3d2b1a; _pk_ses.1.1fff=1",
        "cookie_consent=accepted; django_language=fr",
    ],
)
def test_visitor_cookies_do_not_bypass_the_cache(client, pages, redis_page_cache, cookie):
    client.get("/")
    response = client.get("/", HTTP_COOKIE=cookie)
    assert response["X-Page-Cache"] == "hit"
    assert not response.cookies


def test_cache_control_and_vary_suit_browsers_and_a_cdn(client, pages, redis_page_cache):
    for state in ("miss", "hit"):
        response = client.get("/actualites/")
        assert response["X-Page-Cache"] == state
        cache_control = {part.strip() for part in response["Cache-Control"].split(",")}
        assert {"public", "max-age=60", "s-maxage=300"} <= cache_control
        assert "Cookie" not in response.get("Vary", "")
        assert "Accept-Language" not in response.get("Vary", "")
        assert response["ETag"]


def test_a_matching_etag_gets_not_modified(client, pages, redis_page_cache):
    etag = client.get("/")["ETag"]
    response = client.get("/", HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 304
    assert response["ETag"] == etag
    assert client.get("/", HTTP_IF_NONE_MATCH='"other"').status_code == 200


@pytest.mark.parametrize("path", ["/", "/actualites/flux.xml", "/agenda/agenda.ics", "/sitemap-pages.xml"])
def test_browsers_get_stored_pages_compressed(client, pages, page_cache, path):
    for number in range(8):  # feeds and sitemap long enough to be worth compressing, as on the site
        ArticlePageFactory(parent=pages["articles"], title=f"Mission de coopération numéro {number}")
    plain = client.get(path)  # the miss that stores the page
    assert plain["Vary"] == "Accept-Encoding"
    compressed = client.get(path, HTTP_ACCEPT_ENCODING="gzip, deflate, br, zstd")
    assert compressed["X-Page-Cache"] == "hit"
    assert compressed["Content-Encoding"] == "gzip"
    assert compressed["Vary"] == "Accept-Encoding"
    assert gzip.decompress(compressed.content) == plain.content
    assert int(compressed["Content-Length"]) == len(compressed.content) < len(plain.content) / 2
    assert compressed["Content-Type"] == plain["Content-Type"]
    identity = client.get(path)  # a client that does not accept gzip
    assert "Content-Encoding" not in identity
    assert identity.content == plain.content


def test_each_representation_has_its_own_etag(client, pages, redis_page_cache):
    plain_etag = client.get("/")["ETag"]
    gzip_etag = client.get("/", HTTP_ACCEPT_ENCODING="gzip")["ETag"]
    assert gzip_etag != plain_etag
    assert client.get("/", HTTP_ACCEPT_ENCODING="gzip", HTTP_IF_NONE_MATCH=gzip_etag).status_code == 304
    assert client.get("/", HTTP_IF_NONE_MATCH=gzip_etag).status_code == 200
    assert client.get("/", HTTP_ACCEPT_ENCODING="gzip", HTTP_IF_NONE_MATCH=plain_etag).status_code == 200


def test_tiny_responses_are_not_compressed(client, pages, redis_page_cache):
    client.get("/robots.txt")
    response = client.get("/robots.txt", HTTP_ACCEPT_ENCODING="gzip")
    assert response["X-Page-Cache"] == "hit"
    assert "Content-Encoding" not in response
    assert "User-agent" in response.content.decode()


def test_ten_thousand_junk_query_strings_leave_one_entry_and_no_error(client, pages, redis_page_cache):
    statuses = set()
    for i in range(10_000):
        response = client.get(f"/actualites/?utm_source=s{i}&x{i}={i}&fbclid={i * 7919}")
        statuses.add(response.status_code)
    assert statuses == {200}
    assert len(page_cache_keys()) == 1


def test_the_page_cache_can_be_turned_off(client, pages, redis_page_cache, settings):
    settings.PAGE_CACHE = False
    client.get("/")
    response = client.get("/")
    assert "X-Page-Cache" not in response
    assert page_cache_keys() == []


def test_pages_are_still_served_when_redis_is_down(client, pages, settings):
    settings.CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": "redis://127.0.0.1:9099/10",  # nothing listens there
            "OPTIONS": {"IGNORE_EXCEPTIONS": True, "SOCKET_CONNECT_TIMEOUT": 0.2},
        }
    }
    settings.PAGE_CACHE = True
    response = client.get("/actualites/")
    assert response.status_code == 200
    assert response["X-Page-Cache"] == "unavailable"


SECURITY_HEADERS = (
    "Content-Security-Policy",
    "Permissions-Policy",
    "Referrer-Policy",
    "X-Content-Type-Options",
    "X-Frame-Options",
    "Strict-Transport-Security",
    "Cross-Origin-Opener-Policy",
)


def test_a_hit_carries_the_security_headers_of_the_rendered_page(client, site_tree, page_cache, settings):
    settings.SECURE_HSTS_SECONDS = 31536000
    rendered = client.get("/", secure=True)
    hit = client.get("/", secure=True)
    assert (rendered["X-Page-Cache"], hit["X-Page-Cache"]) == ("miss", "hit")
    for header in SECURITY_HEADERS:
        assert hit[header] == rendered[header], header
    assert "frame-ancestors 'none'" in hit["Content-Security-Policy"]


def test_plain_http_is_still_redirected_to_https_once_the_page_is_cached(client, site_tree, page_cache, settings):
    settings.SECURE_SSL_REDIRECT = True
    client.get("/", secure=True)
    assert client.get("/", secure=True)["X-Page-Cache"] == "hit"
    for _ in range(2):
        response = client.get("/")
        assert response.status_code == 301
        assert response["Location"] == "https://testserver/"
