"""Who can do what: every action of tests/editorial/matrix.py × (anonymous, Rédacteur, Modérateur, superuser),
done through the real admin views with the test client logged in as that person.

Print the matrix: `python -m tests.editorial.matrix`.
"""

import pytest
from wagtail.models import Page

from tests.editorial.conftest import ROLES, outcome
from tests.editorial.matrix import MATRIX
from tests.editorial.matrix import ROLES as MATRIX_ROLES
from tests.editorial.matrix_actions import ACTIONS, World

pytestmark = pytest.mark.django_db

CASES = [(action, role, MATRIX[action][index]) for action in MATRIX for index, role in enumerate(MATRIX_ROLES)]


@pytest.fixture
def world(site_tree, people):
    return World(site_tree, people)


def test_every_action_of_the_matrix_is_implemented_and_the_roles_agree():
    assert set(ACTIONS) == set(MATRIX)
    assert tuple(ROLES) == MATRIX_ROLES


@pytest.mark.parametrize(("action", "role", "expected"), CASES, ids=[f"{a}-{r}" for a, r, _ in CASES])
def test_permission_matrix(clients, world, action, role, expected):
    status, effect = ACTIONS[action](clients[role], world)
    assert (status, effect) == expected


def test_anonymous_is_sent_to_the_login_page(clients, world):
    response = clients["anonyme"].get(f"/admin/pages/{world.live.pk}/edit/")
    assert outcome(response) == "login"


def test_refusal_tells_the_redacteur_in_french(clients, world):
    response = clients["redacteur"].post(f"/admin/pages/{world.live.pk}/unpublish/", follow=True)
    assert "Désolé" in response.content.decode()
    assert Page.objects.get(pk=world.live.pk).live
