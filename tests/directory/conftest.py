import pytest

from tests.groups.network import build_network


@pytest.fixture
def network(site_tree):
    return build_network(site_tree)


# The page-cache fixtures of tests/pagecache (Redis as in production, and the file cache).
from tests.pagecache.conftest import file_page_cache, page_cache, redis_page_cache  # noqa: E402,F401
