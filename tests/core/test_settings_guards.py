"""Production settings, loaded in a fresh interpreter as gunicorn would load them."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SECRET = "k3y-for-tests-only-9f8e7d6c5b4a3928171615141312111009080706050403"
PRINT_SETTINGS = """
import json
from django.conf import settings
print(json.dumps({
    "debug": settings.DEBUG,
    "session_secure": settings.SESSION_COOKIE_SECURE,
    "csrf_secure": settings.CSRF_COOKIE_SECURE,
    "session_httponly": settings.SESSION_COOKIE_HTTPONLY,
    "session_engine": settings.SESSION_ENGINE,
    "hsts": settings.SECURE_HSTS_SECONDS,
    "ssl_redirect": settings.SECURE_SSL_REDIRECT,
    "proxy_header": settings.SECURE_PROXY_SSL_HEADER,
    "storage": settings.STORAGES["default"]["BACKEND"],
    "bucket": settings.STORAGES["default"].get("OPTIONS", {}).get("bucket_name"),
    "csp": settings.CONTENT_SECURITY_POLICY["DIRECTIVES"],
}))
"""


def run(code_or_args, **env):
    base = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("SECRET_KEY", "ALLOWED_HOSTS", "BASE_URL", "AWS_", "SECURE_"))
    }
    base.update(DJANGO_SETTINGS_MODULE="cuf_cms.settings.production", **env)
    args = code_or_args if isinstance(code_or_args, list) else ["-c", code_or_args]
    return subprocess.run(  # noqa: S603
        [sys.executable, *args], cwd=ROOT, env=base, capture_output=True, text=True, timeout=120, check=False
    )


def production_settings(**env):
    result = run(
        "import django; django.setup()\n" + PRINT_SETTINGS,
        SECRET_KEY=SECRET,
        ALLOWED_HOSTS="example.org",
        BASE_URL="https://example.org",
        **env,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_refuses_to_start_without_secret_key():
    result = run("import cuf_cms.settings.production", ALLOWED_HOSTS="example.org", BASE_URL="https://example.org")

    assert result.returncode != 0
    assert "ImproperlyConfigured: SECRET_KEY must be set in the environment for production settings" in result.stderr


def test_refuses_a_short_secret_key():
    result = run(
        "import cuf_cms.settings.production",
        SECRET_KEY="changeme",
        ALLOWED_HOSTS="example.org",
        BASE_URL="https://example.org",
    )

    assert result.returncode != 0
    assert "SECRET_KEY is too short or too simple" in result.stderr


def test_refuses_to_start_without_allowed_hosts():
    result = run("import cuf_cms.settings.production", SECRET_KEY=SECRET, BASE_URL="https://example.org")

    assert result.returncode != 0
    assert "ImproperlyConfigured: ALLOWED_HOSTS must be set in the environment for production settings" in result.stderr


def test_refuses_to_start_without_base_url():
    result = run("import cuf_cms.settings.production", SECRET_KEY=SECRET, ALLOWED_HOSTS="example.org")

    assert result.returncode != 0
    assert "ImproperlyConfigured: BASE_URL must be set in the environment for production settings" in result.stderr


@pytest.mark.parametrize("value", ["www.example.org", "ftp://example.org", "https://example.org/site/", "https://"])
def test_refuses_a_base_url_that_is_not_an_origin(value):
    result = run("import cuf_cms.settings.production", SECRET_KEY=SECRET, ALLOWED_HOSTS="example.org", BASE_URL=value)

    assert result.returncode != 0
    assert "ImproperlyConfigured: BASE_URL must" in result.stderr


def test_check_deploy_reports_no_issue(tmp_path):
    result = run(
        ["manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        SECRET_KEY=SECRET,
        ALLOWED_HOSTS="example.org",
        BASE_URL="https://example.org",
        # A database without tables (a build step): the Site check has nothing to compare yet.
        DATABASE_URL=f"sqlite:///{tmp_path / 'empty.sqlite3'}",
    )

    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues (0 silenced)." in result.stdout


def test_defaults_are_secure_and_sessions_are_shared_between_servers():
    values = production_settings()

    assert values["debug"] is False
    assert values["session_secure"] and values["csrf_secure"] and values["session_httponly"]
    assert values["hsts"] >= 31536000
    assert values["ssl_redirect"] is True
    assert values["proxy_header"] is None
    assert values["session_engine"] == "core.sessions"  # cached_db, refusing forged keys
    assert values["storage"] == "django.core.files.storage.FileSystemStorage"
    assert values["csp"]["upgrade-insecure-requests"] is True


def test_behind_a_tls_proxy_and_with_s3_media():
    values = production_settings(
        SECURE_PROXY_SSL_HEADER="1",
        AWS_STORAGE_BUCKET_NAME="cuf-media",
        MEDIA_ORIGIN="https://media.example.org",
    )

    assert values["proxy_header"] == ["HTTP_X_FORWARDED_PROTO", "https"]
    assert values["storage"] == "storages.backends.s3.S3Storage"
    assert values["bucket"] == "cuf-media"
    assert "https://media.example.org" in values["csp"]["img-src"]
