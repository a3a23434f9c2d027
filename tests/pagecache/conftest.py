"""Fixtures that turn the page cache on, over real Redis (as in production) or the file cache."""

import os

import pytest
from django.core.cache import cache

# CI and every development machine run Redis on 127.0.0.1:6379; db 10 belongs to these tests.
TEST_REDIS_URL = os.environ.get("PAGE_CACHE_TEST_REDIS_URL", "redis://127.0.0.1:6379/10")


def redis_caches():
    return {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": TEST_REDIS_URL,
            # One prefix per test process, so parallel runs on one Redis never see each other's keys.
            "KEY_PREFIX": f"cuf-test-{os.getpid()}",
        }
    }


@pytest.fixture
def redis_page_cache(settings):
    settings.CACHES = redis_caches()
    settings.PAGE_CACHE = True
    cache.delete_pattern("*")
    yield cache
    cache.delete_pattern("*")


@pytest.fixture
def file_page_cache(settings, tmp_path):
    settings.CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.filebased.FileBasedCache", "LOCATION": str(tmp_path)}
    }
    settings.PAGE_CACHE = True
    yield cache


@pytest.fixture(params=["redis", "file"])
def page_cache(request):
    """Each test using it runs on Redis (production) and on the file cache (no REDIS_URL)."""
    return request.getfixturevalue(f"{request.param}_page_cache")


@pytest.fixture
def commit(django_capture_on_commit_callbacks):
    """Run what a change schedules for after its commit (the purge), as a real transaction would."""

    def run(callable_, *args, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return callable_(*args, **kwargs)

    return run


def page_cache_keys():
    """Page entries currently stored in Redis for this test process."""
    return [key for key in cache.keys("pagecache:page:*") if not key.endswith(":lock")]
