"""With the page cache on (Redis and the file cache): generated requests never store an error, never
store under a key or with a body that carries an unknown parameter, and hits (middleware and the WSGI
hit path) keep every property of a rendered response."""

import pytest
from django.core import signals
from django.core.handlers.wsgi import WSGIHandler
from django.db import close_old_connections
from django.test import RequestFactory
from hypothesis import given, settings
from hypothesis import strategies as st

from pagecache import local
from pagecache.keys import normalise_query, page_key
from pagecache.wsgi import PageCacheApplication

from .harness import REFLECTED, check, count, send
from .routes import ROUTES, UNKNOWN_PARAMS
from .strategies import encode, headers, path_info, query_string

pytestmark = pytest.mark.django_db

CACHEABLE = tuple(route for route in ROUTES if route.cacheable)
PER_ROUTE = max(1, settings.default.max_examples // 8)


@pytest.fixture
def stores(monkeypatch):
    """Every (key, entry) the page cache keeps in this process (the local copy is written on each store)."""
    kept = []
    original = local.entries.put

    def spy(key, entry):
        kept.append((key, entry))
        original(key, entry)

    monkeypatch.setattr(local.entries, "put", spy)
    return kept


def wsgi_call(environ_overrides):
    """The request through pagecache.wsgi (the production entry point), as gunicorn would call it.

    Like Django's test client, it keeps the test's database connection open: the handler's
    request_started/request_finished would close it, and with it the test's transaction (on PostgreSQL
    every later query of the example then failed with "the connection is closed")."""
    environ = RequestFactory().generic("GET", "/").environ
    environ.update(environ_overrides)
    answer = {}

    def start_response(status, response_headers, exc_info=None):
        answer["status"], answer["headers"] = int(status.split()[0]), dict(response_headers)

    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    try:
        chunks = PageCacheApplication(WSGIHandler())(environ, start_response)
        try:
            body = b"".join(chunks)
        finally:
            getattr(chunks, "close", lambda: None)()
    finally:
        signals.request_started.connect(close_old_connections)
        signals.request_finished.connect(close_old_connections)
    return answer["status"], answer["headers"], body.decode("utf-8", "replace")


@settings(max_examples=PER_ROUTE * len(CACHEABLE))
@given(route=st.sampled_from(CACHEABLE), data=st.data())
def test_the_page_cache_stores_only_clean_successes(client, fuzz_site, page_cache, stores, route, data):
    concrete = route.path.format(**fuzz_site["slugs"])
    path = data.draw(path_info(concrete), label="PATH_INFO")
    query = data.draw(query_string(route.params, fuzz_site["real_values"]), label="QUERY_STRING")
    token = f"zqunk{data.draw(st.integers(min_value=0, max_value=10**6))}"
    unknown = f"{data.draw(st.sampled_from(UNKNOWN_PARAMS))}={encode(token)}"
    query = "&".join(part for part in (query, unknown) if part)
    extra = data.draw(headers(), label="headers")
    stores.clear()

    for attempt in ("miss", "hit"):
        response, queries = send(client, "GET", path, query, extra)
        count(route.name, f"page cache {attempt}")
        check(response, queries, max_queries=route.max_queries, where=f"{attempt} {path!r}?{query!r}")

    request = response.wsgi_request
    for key, entry in stores:
        status, body = entry[1], entry[3].decode("utf-8", "replace")
        assert status == 200, f"stored a {status} for {path!r}?{query!r}"
        assert key == page_key(request, normalise_query(query)), f"stored under another key: {path!r}?{query!r}"
        assert token not in body, f"an unknown parameter reached a stored page: {path!r}?{query!r}"
        assert not any(marker in body for marker in REFLECTED)

    status, response_headers, body = wsgi_call({"PATH_INFO": path, "QUERY_STRING": query, **extra})
    count(route.name, "page cache WSGI hit path")
    assert status < 500, f"WSGI {path!r}?{query!r}: {status}"
    assert not any(marker in body for marker in REFLECTED)
