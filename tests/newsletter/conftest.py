"""The newsletter against a real SMTP server (aiosmtpd) started here, one per pytest worker, on a free port."""

import re

import pytest
from django.contrib.auth.models import Group, User
from django.test import Client

from newsletter.testing import start_smtp
from tests.factories import NewsletterIndexPageFactory


@pytest.fixture(scope="session")
def smtp_server():
    controller, inbox = start_smtp()
    yield controller, inbox
    controller.stop()


@pytest.fixture
def inbox(smtp_server, settings):
    controller, inbox = smtp_server
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = controller.port
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    settings.EMAIL_TIMEOUT = 10
    settings.WAGTAILADMIN_BASE_URL = "https://testserver"
    inbox.clear()
    yield inbox
    inbox.clear()


@pytest.fixture
def lettre(site_tree):
    return NewsletterIndexPageFactory(parent=site_tree["home"])


def make_user(username, group):
    user = User.objects.create_user(username, f"{username}@cites-unies-france.org", "motdepasse", is_staff=True)
    user.groups.add(Group.objects.get(name=group))
    return user


@pytest.fixture
def moderateur(db):
    client = Client()
    client.force_login(make_user("moderateur", "Modérateurs"))
    return client


@pytest.fixture
def redacteur(db):
    client = Client()
    client.force_login(make_user("redacteur", "Rédacteurs"))
    return client


def text_part(message):
    return message.get_body(preferencelist=("plain",)).get_content()


def html_part(message):
    return message.get_body(preferencelist=("html",)).get_content()


def links(message, marker):
    """Paths (the test client's view) of the links of the text part that contain `marker`."""
    urls = re.findall(r"https://testserver(/\S+)", text_part(message))
    return list(dict.fromkeys(url for url in urls if marker in url))


def subscribe_form(**overrides):
    data = {"email": "maire@ville-exemple.fr", "name": "Camille Martin", "organisation": "Ville d’Exemple"}
    data["consent"] = "on"
    data.update(overrides)
    return data
