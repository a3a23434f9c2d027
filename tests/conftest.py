import pytest

from tests.factories import build_site


@pytest.fixture
def site_tree(db):
    return build_site()


@pytest.fixture(autouse=True)
def _clear_cache():
    from django.core.cache import cache

    from pagecache import local

    cache.clear()
    local.entries.clear()
    yield
    cache.clear()
    local.entries.clear()
