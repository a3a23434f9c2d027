"""A purged popular page is rendered once: concurrent misses wait for the renderer's result."""

import time

import pytest

from core.models import StandardPage
from pagecache import generation, middleware
from pagecache.keys import lock_key, page_key
from tests.factories import StandardPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def page(site_tree):
    return StandardPageFactory(parent=site_tree["home"], title="Appel aux dons", slug="appel")


def held_lock(rf, cache):
    """Another worker is rendering /appel/: its lock is held and no fresh entry exists yet."""
    key = page_key(rf.get("/appel/"), "")
    cache.add(lock_key(key), 1, 10)
    return key


def test_a_waiting_request_serves_what_the_renderer_stored(client, rf, page, redis_page_cache, monkeypatch):
    key = held_lock(rf, redis_page_cache)
    current = generation.current(redis_page_cache)
    rendered = []
    monkeypatch.setattr(StandardPage, "serve", lambda *args, **kwargs: rendered.append(1))

    def other_worker_finishes(_seconds):
        entry = (
            current,
            200,
            (("Content-Type", "text/html; charset=utf-8"),),
            b"Rendu par l'autre worker",
            '"e"',
            time.time(),
            None,
        )
        redis_page_cache.set(key, entry, 60)

    monkeypatch.setattr(middleware.time, "sleep", other_worker_finishes)
    response = client.get("/appel/")
    assert response.status_code == 200
    assert response["X-Page-Cache"] == "hit-after-wait"
    assert response.content == b"Rendu par l'autre worker"
    assert rendered == []  # this request did not render the page


def test_a_waiting_request_never_accepts_an_older_generation(client, rf, page, redis_page_cache, monkeypatch, settings):
    key = held_lock(rf, redis_page_cache)
    stale = ("ancienne-génération", 200, (), b"Ancienne version", '"s"', time.time(), None)
    redis_page_cache.set(key, stale, 60)
    monkeypatch.setattr(middleware.time, "sleep", lambda _seconds: None)
    settings.PAGE_CACHE_LOCK_WAIT = 0.05

    response = client.get("/appel/")  # the renderer is too slow: this request renders itself
    assert response.status_code == 200
    assert "Appel aux dons" in response.content.decode()
    assert b"Ancienne version" not in response.content


def test_the_renderer_releases_its_lock(client, rf, page, redis_page_cache):
    client.get("/appel/")
    assert redis_page_cache.get(lock_key(page_key(rf.get("/appel/"), ""))) is None
