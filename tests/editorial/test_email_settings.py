"""EMAIL_URL → Django's EMAIL_* settings (production SMTP for the workflow notifications)."""

import pytest
from django.core.exceptions import ImproperlyConfigured

from cuf_cms.settings.email import parse_email_url


def test_smtp_with_starttls_and_encoded_credentials():
    config = parse_email_url("smtp://notifications%40cuf.org:p%40ss%2Fword@smtp.example.org:587?tls=1&timeout=5")
    assert config == {
        "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "EMAIL_HOST": "smtp.example.org",
        "EMAIL_PORT": 587,
        "EMAIL_HOST_USER": "notifications@cuf.org",
        "EMAIL_HOST_PASSWORD": "p@ss/word",
        "EMAIL_USE_SSL": False,
        "EMAIL_USE_TLS": True,
        "EMAIL_TIMEOUT": 5,
    }


def test_smtps_defaults_to_port_465_with_implicit_tls():
    config = parse_email_url("smtps://user:secret@mail.example.org")
    assert (config["EMAIL_PORT"], config["EMAIL_USE_SSL"], config["EMAIL_USE_TLS"]) == (465, True, False)


def test_local_smtp_without_credentials():
    config = parse_email_url("smtp://localhost:25")
    assert (config["EMAIL_HOST"], config["EMAIL_PORT"], config["EMAIL_HOST_USER"]) == ("localhost", 25, "")


def test_console_backend():
    assert parse_email_url("console://") == {"EMAIL_BACKEND": "django.core.mail.backends.console.EmailBackend"}


@pytest.mark.parametrize("url", ["http://smtp.example.org", "smtps://h?tls=1", "nimportequoi"])
def test_bad_urls_are_refused(url):
    with pytest.raises(ImproperlyConfigured):
        parse_email_url(url)
