import pytest

from tests.core.cache.conftest import redis_page_cache  # noqa: F401 - the page-cache fixture, for the leak tests
from tests.groups.network import build_network


@pytest.fixture
def network(site_tree):
    return build_network(site_tree)
