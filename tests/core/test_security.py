"""Security headers per area: strict on public pages, looser only under /admin/."""

import re

import pytest
from django.test import RequestFactory

from core.media import serve_media

pytestmark = pytest.mark.django_db


def csp_directives(response):
    policy = response["Content-Security-Policy"]
    return {part.split()[0]: part.split()[1:] for part in policy.split(";") if part.strip()}


def test_public_page_has_a_strict_policy_and_the_security_headers(client, site_tree):
    response = client.get("/")
    assert response.status_code == 200

    directives = csp_directives(response)
    assert "'unsafe-inline'" not in response["Content-Security-Policy"]
    assert "'unsafe-eval'" not in response["Content-Security-Policy"]
    assert directives["default-src"] == ["'self'"]
    assert directives["script-src"] == ["'self'"]
    assert directives["style-src"] == ["'self'"]
    assert directives["object-src"] == ["'none'"]
    assert directives["frame-ancestors"] == ["'none'"]
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response["X-Frame-Options"] == "DENY"
    assert "camera=()" in response["Permissions-Policy"]
    assert "geolocation=()" in response["Permissions-Policy"]


def test_public_pages_load_nothing_inline(client, site_tree):
    """The strict policy holds only if templates have no inline script or style to block."""
    for url in ("/", "/actualites/", "/agenda/", "/centre-de-ressources/"):
        html = client.get(url).content.decode()
        scripts = re.findall(r"<script\b([^>]*)>", html)
        inline = [attrs for attrs in scripts if "src=" not in attrs and "application/ld+json" not in attrs]
        assert inline == [], url
        assert "style=" not in html, url
        assert "<style" not in html, url


def test_not_found_page_has_the_strict_policy_too(client, site_tree):
    response = client.get("/nexiste-pas/")
    assert response.status_code == 404
    assert "'unsafe-inline'" not in response["Content-Security-Policy"]
    assert csp_directives(response)["frame-ancestors"] == ["'none'"]


def test_admin_gets_a_looser_policy_that_still_forbids_framing_by_others(client, site_tree):
    response = client.get("/admin/login/")
    assert response.status_code == 200

    directives = csp_directives(response)
    assert "'unsafe-inline'" in directives["script-src"]
    assert "'unsafe-inline'" in directives["style-src"]
    assert directives["frame-ancestors"] == ["'self'"]
    assert directives["object-src"] == ["'none'"]
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "camera=()" in response["Permissions-Policy"]


def test_session_and_csrf_cookies_are_http_only(client, site_tree):
    response = client.get("/admin/login/")
    assert response.cookies["csrftoken"]["httponly"]


@pytest.fixture
def media_root(tmp_path, settings):
    settings.MEDIA_ROOT = str(tmp_path)
    (tmp_path / "documents").mkdir()
    (tmp_path / "documents" / "piege.html").write_text("<script>alert(document.cookie)</script>")
    (tmp_path / "documents" / "piege.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>')
    (tmp_path / "images").mkdir()
    (tmp_path / "images" / "photo.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    return tmp_path


@pytest.mark.parametrize("name", ["documents/piege.html", "documents/piege.svg"])
def test_uploaded_html_or_svg_is_downloaded_never_rendered(media_root, name):
    response = serve_media(RequestFactory().get(f"/media/{name}"), name)

    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    assert response["Content-Type"] == "application/octet-stream"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "sandbox" in response["Content-Security-Policy"]
    assert "default-src 'none'" in response["Content-Security-Policy"]


def test_uploaded_image_is_shown_inline_but_sandboxed(media_root):
    response = serve_media(RequestFactory().get("/media/images/photo.png"), "images/photo.png")

    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    assert not response.get("Content-Disposition", "").startswith("attachment")
    assert "sandbox" in response["Content-Security-Policy"]
