"""Settings of the server that the browser suite drives: production-like (DEBUG off, hashed and
compressed static files served by WhiteNoise) on a scratch SQLite database, plain HTTP on 127.0.0.1."""

import os

from django.conf import global_settings

from cuf_cms.settings.base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "e2e-only-insecure-key"  # noqa: S105
ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
STATIC_ROOT = os.environ["E2E_STATIC_ROOT"]
STORAGES["staticfiles"] = {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"}  # noqa: F405
# Fast hashes for the accounts this suite creates; Django's own still verify the accounts of a demo
# database cached by `make validate` (production settings), which shares the cache (demo_db.py).
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher", *global_settings.PASSWORD_HASHERS]
# The suite talks plain HTTP to 127.0.0.1: cookies cannot require HTTPS here.
SECURE_SSL_REDIRECT = False
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
# Several server threads share one SQLite file: take the write lock at the start of each transaction
# and wait for it, instead of failing with "database is locked" when a reader upgrades to a writer.
DATABASES["default"].setdefault("OPTIONS", {}).update(  # noqa: F405
    {"timeout": 30, "transaction_mode": "IMMEDIATE", "init_command": "PRAGMA journal_mode=WAL;"}
)
DATABASES["default"]["CONN_MAX_AGE"] = 0  # noqa: F405
# The server's own address is the public origin here (canonical URLs, feeds, sitemap, emails).
BASE_URL = WAGTAILADMIN_BASE_URL = f"http://127.0.0.1:{os.environ.get('E2E_PORT', '8830')}"
# Server errors go to the server log (the suite prints its path when the server fails).
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "loggers": {"django": {"handlers": ["console"], "level": "WARNING"}},
}
ROOT_URLCONF = "tests.e2e.urls"

# Emails are queued by the server and delivered by the suite's worker (tests/e2e/conftest.py) to the
# suite's SMTP server (aiosmtpd on E2E_SMTP_PORT), where the stories read them.
EMAIL_DELIVERY_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
EMAIL_HOST = "127.0.0.1"
EMAIL_PORT = int(os.environ["E2E_SMTP_PORT"])
EMAIL_TIMEOUT = 10
