"""/healthz: 200 only when the database (and Redis when configured) answer; says nothing else; never cached."""

import pytest

pytestmark = pytest.mark.django_db

REDIS_URL = "redis://127.0.0.1:6379/7"
UNREACHABLE_REDIS_URL = "redis://127.0.0.1:1/7"


def redis_caches(url):
    return {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": url,
            "OPTIONS": {"IGNORE_EXCEPTIONS": True, "SOCKET_CONNECT_TIMEOUT": 1, "SOCKET_TIMEOUT": 1},
        }
    }


def test_healthy_site_answers_ok_and_is_never_cached(client):
    response = client.get("/healthz")

    assert response.status_code == 200
    assert response.content == b"ok\n"
    assert "no-store" in response["Cache-Control"]
    assert response["Content-Type"].startswith("text/plain")


def test_database_down_means_503_with_a_body_that_reveals_nothing(client, monkeypatch):
    def broken_cursor(*args, **kwargs):
        raise OSError("connection refused by 10.0.0.5:5432 (password authentication failed for user cuf)")

    monkeypatch.setattr("core.health.connection.cursor", broken_cursor)
    response = client.get("/healthz")

    assert response.status_code == 503
    assert response.content == b"unavailable\n"
    assert "no-store" in response["Cache-Control"]


def test_configured_redis_that_answers_is_healthy(client, settings):
    settings.REDIS_URL = REDIS_URL
    settings.CACHES = redis_caches(REDIS_URL)

    response = client.get("/healthz")

    assert response.status_code == 200


def test_configured_redis_that_does_not_answer_means_503(client, settings):
    settings.REDIS_URL = UNREACHABLE_REDIS_URL
    settings.CACHES = redis_caches(UNREACHABLE_REDIS_URL)

    response = client.get("/healthz")

    assert response.status_code == 503
    assert response.content == b"unavailable\n"


def test_health_refuses_writes(client):
    assert client.post("/healthz").status_code == 405
