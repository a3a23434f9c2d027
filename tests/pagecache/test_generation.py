"""The generation read on every hit (pagecache.generation.read) over its own Redis connection."""

import pytest
import redis
from django.core.cache import caches

from pagecache import generation
from tests.pagecache.conftest import TEST_REDIS_URL


@pytest.fixture
def backend(redis_page_cache):
    """The backend itself, as the page cache gets it (django.core.cache.cache is a proxy)."""
    return caches["default"]


def test_read_sees_a_bump_made_by_another_process(backend, redis_page_cache):
    first = generation.read(backend)
    assert first == redis_page_cache.get(generation.KEY)
    generation.bump(redis_page_cache)  # through django-redis's pool, as the publishing process would
    second = generation.read(backend)
    assert second != first
    assert second == redis_page_cache.get(generation.KEY)


def test_read_recreates_a_lost_generation(backend, redis_page_cache):
    generation.read(backend)
    redis_page_cache.delete(generation.KEY)  # Redis restarted empty, or the key was evicted
    current = generation.read(backend)
    assert current is not None
    assert current == redis_page_cache.get(generation.KEY)


def test_read_reconnects_when_redis_closed_its_connection(backend):
    before = generation.read(backend)
    server = redis.Redis.from_url(TEST_REDIS_URL)
    # Only the hit path's own connections: parallel test processes keep theirs.
    ids = [client["id"] for client in server.client_list() if client["name"] == generation.CLIENT_NAME]
    assert ids
    for client_id in ids:
        server.client_kill_filter(_id=client_id)
    assert generation.read(backend) == before


def test_read_is_none_when_redis_is_unreachable(settings):
    settings.CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",  # nothing listens there
            "OPTIONS": {"IGNORE_EXCEPTIONS": True, "SOCKET_CONNECT_TIMEOUT": 0.5},
        }
    }
    assert generation.read(caches["default"]) is None


def test_read_on_the_file_cache(file_page_cache):
    assert generation.read(caches["default"]) == file_page_cache.get(generation.KEY) is not None
