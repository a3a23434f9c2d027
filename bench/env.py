"""The environment every benchmark process shares: database, Redis db, media folder, production settings."""

import os
import sys
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
RESULTS_DIR = BASE_DIR / "bench" / "results"

DEFAULTS = {
    "DJANGO_SETTINGS_MODULE": "cuf_cms.settings.production",
    "DATABASE_URL": "postgres://postgres@127.0.0.1:5432/cuf_bench",
    "REDIS_URL": "redis://127.0.0.1:6379/9",
    "SECRET_KEY": "bench-only-secret-key-not-for-production-use-0123456789",
    "ALLOWED_HOSTS": "127.0.0.1,localhost,testserver",
    "MEDIA_ROOT": str(BASE_DIR / "var" / "bench" / "media"),
    "DEMO_PASSWORD": "bench-admin-password",
    "BASE_URL": "http://127.0.0.1",
    # Benchmarked over plain HTTP on 127.0.0.1: no redirect to HTTPS, cookies usable without TLS.
    "SECURE_SSL_REDIRECT": "0",
    "SESSION_COOKIE_SECURE": "0",
    "CSRF_COOKIE_SECURE": "0",
}


def bench_env(**overrides):
    """os.environ with the benchmark defaults (an already set variable wins, except overrides)."""
    env = dict(os.environ)
    for key, value in DEFAULTS.items():
        env.setdefault(key, value)
    env.update({key: str(value) for key, value in overrides.items()})
    return env


def setup_django(**overrides):
    """Configure this process with the benchmark environment and django.setup()."""
    os.environ.update(bench_env(**overrides))
    if str(BASE_DIR) not in sys.path:
        sys.path.insert(0, str(BASE_DIR))
    import django

    django.setup()


def _server_and_name(url):
    name = url.rsplit("/", 1)[1].split("?")[0]
    return url.rsplit("/", 1)[0] + "/postgres", name


def create_database(url):
    """Create the PostgreSQL database named by url unless it exists."""
    import psycopg

    server, name = _server_and_name(url)
    with psycopg.connect(server, autocommit=True) as conn:
        if not conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", (name,)).fetchone():
            print(f"creating database {name}", flush=True)
            conn.execute(f'CREATE DATABASE "{name}"')


def drop_database(url):
    import psycopg

    server, name = _server_and_name(url)
    with psycopg.connect(server, autocommit=True) as conn:
        print(f"dropping database {name}", flush=True)
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
