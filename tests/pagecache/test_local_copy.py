"""The per-process copy of entries never outlives the shared cache's generation or timeout."""

import pytest
import time_machine

from pagecache import local
from pagecache.purge import purge_all
from tests.factories import ArticlePageFactory

pytestmark = pytest.mark.django_db


def test_a_hit_served_from_the_local_copy_after_the_shared_entry_was_evicted(client, site_tree, redis_page_cache):
    assert client.get("/")["X-Page-Cache"] == "miss"
    assert len(local.entries) == 1
    for key in redis_page_cache.keys("pagecache:page:*"):
        redis_page_cache.delete(key)
    response = client.get("/")
    assert response["X-Page-Cache"] == "hit"
    assert "<h1" in response.content.decode()


def test_a_purge_from_another_process_is_seen_despite_the_local_copy(client, site_tree, redis_page_cache):
    article = ArticlePageFactory(parent=site_tree["articles"], title="Titre d’origine", slug="mission")
    client.get("/actualites/mission/")
    article.title = "Titre corrigé"
    article.save_revision().publish()
    purge_all()  # what the publishing process's after-commit hook does, through the shared cache
    response = client.get("/actualites/mission/")
    assert response["X-Page-Cache"] == "miss"
    assert "Titre corrigé" in response.content.decode()


def test_the_local_copy_expires_with_the_page_cache_timeout(client, site_tree, redis_page_cache, settings):
    settings.PAGE_CACHE_TIMEOUT = 60
    with time_machine.travel("2026-06-01 10:00 +0000", tick=False) as clock:
        client.get("/")
        clock.shift(30)
        assert client.get("/")["X-Page-Cache"] == "hit"
        clock.shift(31)
        for key in redis_page_cache.keys("pagecache:page:*"):
            redis_page_cache.delete(key)  # Redis expired it (its own clock is not travelled)
        assert client.get("/")["X-Page-Cache"] == "miss"


def test_the_local_copy_is_bounded():
    copies = local.LocalEntries(max_entries=3, max_bytes=1000)
    for number in range(5):
        copies.put(f"k{number}", ("g", 200, (), b"x" * 100, "etag", 0.0, None))
    assert len(copies) == 3
    # With its compressed copy, over a quarter of the budget: not kept.
    copies.put("big", ("g", 200, (), b"x" * 400, "etag", 0.0, b"z" * 200))
    assert len(copies) == 3
    assert copies.get("big", "g", timeout=float("inf")) is None
    assert copies.get("k4", "g", timeout=float("inf")) is not None  # nothing was evicted for it
    for number in range(3):
        copies.put(f"m{number}", ("g", 200, (), b"x" * 300, "etag", 0.0, None))
    assert len(copies) == 3 and copies._bytes <= 1000
