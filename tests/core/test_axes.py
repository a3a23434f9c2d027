"""Brute force on the admin login: locked out after AXES_FAILURE_LIMIT failures, French page, HTTP 429."""

import pytest
from django.contrib.auth.models import User

pytestmark = pytest.mark.django_db

LOGIN_URL = "/admin/login/"


@pytest.fixture
def axes_on(settings):
    settings.AXES_ENABLED = True
    settings.AXES_FAILURE_LIMIT = 3
    return settings


@pytest.fixture
def editor(db):
    return User.objects.create_superuser("moderateur", "moderateur@example.org", "le-bon-mot-de-passe")


def attempt(client, password):
    return client.post(LOGIN_URL, {"username": "moderateur", "password": password})


def test_wrong_passwords_lock_the_account_with_a_french_429_page(client, site_tree, axes_on, editor):
    for _ in range(2):
        response = attempt(client, "mauvais")
        assert response.status_code == 200  # the login form again, with its error

    locked = attempt(client, "mauvais")
    assert locked.status_code == 429
    body = locked.content.decode()
    assert "Connexion temporairement bloquée" in body
    assert "Trop de tentatives de connexion" in body

    # Even the right password is refused while locked out.
    still_locked = attempt(client, "le-bon-mot-de-passe")
    assert still_locked.status_code == 429
    assert "_auth_user_id" not in client.session


def test_a_successful_login_before_the_limit_resets_the_counter(client, site_tree, axes_on, editor):
    attempt(client, "mauvais")
    attempt(client, "mauvais")
    assert attempt(client, "le-bon-mot-de-passe").status_code == 302
    client.logout()

    attempt(client, "mauvais")
    assert attempt(client, "mauvais").status_code == 200


def test_lockout_is_per_account_and_address(client, site_tree, axes_on, editor):
    User.objects.create_superuser("admin", "admin@example.org", "autre-mot-de-passe")
    for _ in range(3):
        attempt(client, "mauvais")

    other = client.post(LOGIN_URL, {"username": "admin", "password": "autre-mot-de-passe"})
    assert other.status_code == 302
