import pytest

from tests.factories import build_funds_and_calls


@pytest.fixture
def tree(site_tree):
    return {**site_tree, **build_funds_and_calls(site_tree["home"])}
