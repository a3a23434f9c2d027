import pytest

from tests.groups.network import build_network
from tests.pagecache.conftest import redis_page_cache  # noqa: F401 - the page-cache fixture, for the leak tests


@pytest.fixture
def network(site_tree):
    return build_network(site_tree)
