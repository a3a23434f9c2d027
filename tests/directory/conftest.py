import pytest

from tests.groups.network import build_network


@pytest.fixture
def network(site_tree):
    return build_network(site_tree)
