"""Hits answered before Django's handler (pagecache.wsgi): same page, same headers, same rules."""

from urllib.parse import unquote_to_bytes, urlsplit

import pytest
from django.test import RequestFactory

from pagecache.purge import purge_all
from pagecache.wsgi import PageCacheApplication

pytestmark = pytest.mark.django_db


class Django:
    """Stands for Django's WSGI handler: records what reaches it."""

    def __init__(self):
        self.calls = []

    def __call__(self, environ, start_response):
        self.calls.append(environ)
        start_response("200 OK", [("Content-Type", "text/plain"), ("X-From", "django")])
        return [b"rendu par Django"]


def call(app, method="GET", path="/", **headers):
    environ = RequestFactory().generic(method, path, **headers).environ
    # As gunicorn passes it (the request made above decoded it in place): percent-decoded UTF-8
    # bytes as a latin-1 string.
    environ["PATH_INFO"] = unquote_to_bytes(urlsplit(path).path).decode("latin-1")
    answer = {}

    def start_response(status, response_headers, exc_info=None):
        answer["status"], answer["headers"] = status, dict(response_headers)

    answer["body"] = b"".join(app(environ, start_response))
    return answer


@pytest.fixture
def app():
    return PageCacheApplication(Django())


def test_a_cached_page_is_served_without_reaching_django(client, site_tree, redis_page_cache, app):
    rendered = client.get("/")
    hit = call(app)
    assert app.application.calls == []
    assert hit["status"] == "200 OK"
    assert hit["body"] == rendered.content
    assert hit["headers"]["X-Page-Cache"] == "hit"
    assert hit["headers"]["Content-Length"] == str(len(rendered.content))
    for header in ("Content-Type", "Cache-Control", "Content-Security-Policy", "X-Content-Type-Options", "ETag"):
        assert hit["headers"][header] == rendered[header], header


def test_a_browser_gets_the_compressed_copy(client, site_tree, redis_page_cache, app):
    import gzip

    rendered = client.get("/")
    hit = call(app, HTTP_ACCEPT_ENCODING="gzip, deflate, br")
    assert app.application.calls == []
    assert hit["headers"]["Content-Encoding"] == "gzip"
    assert hit["headers"]["Vary"] == "Accept-Encoding"
    assert hit["headers"]["Content-Length"] == str(len(hit["body"]))
    assert gzip.decompress(hit["body"]) == rendered.content
    again = call(app, HTTP_ACCEPT_ENCODING="gzip", HTTP_IF_NONE_MATCH=hit["headers"]["ETag"])
    assert again["status"] == "304 Not Modified" and again["body"] == b""
    assert "Content-Encoding" not in call(app)["headers"]


def test_head_and_conditional_requests(client, site_tree, redis_page_cache, app):
    etag = client.get("/")["ETag"]
    head = call(app, "HEAD")
    assert head["status"] == "200 OK" and head["body"] == b""
    not_modified = call(app, HTTP_IF_NONE_MATCH=etag)
    assert not_modified["status"] == "304 Not Modified" and not_modified["body"] == b""
    assert app.application.calls == []


@pytest.mark.parametrize(
    "headers",
    [
        {"HTTP_COOKIE": "sessionid=abc"},  # a logged-in editor
        {"HTTP_AUTHORIZATION": "Basic YWRtaW46YWRtaW4="},
        {"HTTP_HOST": "evil.example"},  # Django answers it with its 400
    ],
)
def test_personal_or_invalid_requests_go_to_django(client, site_tree, redis_page_cache, app, headers):
    client.get("/")
    answer = call(app, **headers)
    assert answer["body"] == b"rendu par Django"
    assert len(app.application.calls) == 1


def test_after_a_purge_django_renders_and_the_lookup_is_not_made_twice(client, site_tree, redis_page_cache, app):
    client.get("/")
    purge_all()
    answer = call(app, path="/?utm_source=lettre")
    assert answer["body"] == b"rendu par Django"
    environ = app.application.calls[0]
    assert environ["cuf.page_cache.lookup"].state == "miss"
    assert environ["QUERY_STRING"] == ""  # the tracking parameter never reaches the view


def test_nothing_happens_with_the_page_cache_off(client, site_tree, redis_page_cache, app, settings):
    client.get("/")
    settings.PAGE_CACHE = False
    assert call(app)["body"] == b"rendu par Django"


@pytest.fixture
def django_application():
    """Django's real WSGI handler, without closing the test's database connection at each request
    (what the test client does too)."""
    from django.core.signals import request_finished, request_started
    from django.core.wsgi import get_wsgi_application
    from django.db import close_old_connections

    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield get_wsgi_application()
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


def test_accented_urls_reach_django_intact(site_tree, redis_page_cache, django_application):
    """Both on a miss (Django renders) and on the hit that follows, "é" in the path is decoded once."""
    from tests.factories import ArticlePageFactory

    article = ArticlePageFactory(parent=site_tree["articles"], title="Coopération décentralisée", slug="coopération")
    app = PageCacheApplication(django_application)
    answers = [call(app, path=article.url) for _ in range(2)]
    assert [answer["status"] for answer in answers] == ["200 OK", "200 OK"]
    assert [answer["headers"]["X-Page-Cache"] for answer in answers] == ["miss", "hit"]
    assert "Coopération décentralisée" in answers[0]["body"].decode()


@pytest.mark.parametrize(
    ("path", "headers", "proxy_header"),
    [
        ("/actualites/?Pays=x&pays=Liban&utm_source=lettre", {}, None),
        ("/", {"HTTP_HOST": "127.0.0.1:8000"}, None),
        ("/", {"SERVER_NAME": "localhost", "SERVER_PORT": "8000"}, None),  # no Host header
        ("/", {"SERVER_NAME": "localhost", "SERVER_PORT": "443", "wsgi.url_scheme": "https"}, None),
        ("/actualites/coopération/", {"HTTP_HOST": "localhost"}, None),
        ("/", {"HTTP_X_FORWARDED_PROTO": "https, http"}, ("HTTP_X_FORWARDED_PROTO", "https")),
        ("/", {"HTTP_X_FORWARDED_PROTO": "http"}, ("HTTP_X_FORWARDED_PROTO", "https")),
        ("/", {"HTTP_X_FORWARDED_PROTO": "https"}, None),  # not trusted without the setting
    ],
)
def test_the_key_read_from_the_environ_is_the_key_of_djangos_request(
    site_tree, redis_page_cache, settings, path, headers, proxy_header
):
    """A hit answered from the environ must find what the middleware stored for Django's request."""
    from django.core.handlers.wsgi import WSGIRequest

    from pagecache.keys import normalise_query, page_key
    from pagecache.wsgi import lookup_environ

    settings.SECURE_PROXY_SSL_HEADER = proxy_header
    settings.ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
    environ = RequestFactory().generic("GET", path).environ
    environ.pop("HTTP_HOST", None)
    environ.update(headers)
    environ["PATH_INFO"] = unquote_to_bytes(urlsplit(path).path).decode("latin-1")
    request = WSGIRequest(dict(environ))
    found = lookup_environ(environ)
    assert found.state == "miss"
    assert found.key == page_key(request, normalise_query(request.META["QUERY_STRING"]))


@pytest.mark.parametrize(
    "headers",
    [
        {"SCRIPT_NAME": "/site"},
        {"HTTP_COOKIE": "messages=abc"},
        {"PATH_INFO": "/\xff/"},  # not UTF-8
        {"PATH_INFO": "/admin/"},
        {"PATH_INFO": "/recherche/"},
    ],
)
def test_unusual_requests_are_left_to_the_middleware(site_tree, redis_page_cache, headers):
    from pagecache.wsgi import lookup_environ

    environ = RequestFactory().get("/").environ
    environ.update(headers)
    assert lookup_environ(environ) is None
