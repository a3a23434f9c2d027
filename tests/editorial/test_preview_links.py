"""Shareable preview links: a partner without an account sees the draft, for a limited time, never cached or indexed."""

import datetime

import pytest
import time_machine
from django.utils import timezone
from django.utils.formats import date_format

from editorial.models import PreviewLink
from tests.factories import ArticlePageFactory, EventPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def draft(site_tree):
    return ArticlePageFactory(
        parent=site_tree["articles"], title="Programme des Assises", intro="Programme provisoire.", live=False
    )


def create_link(client, page, days="7"):
    response = client.post(f"/admin/liens-apercu/{page.pk}/", {"days": days})
    assert response.status_code == 302
    return PreviewLink.objects.filter(page=page).latest("created_at")


def assert_private(response):
    assert response["X-Robots-Tag"] == "noindex, nofollow"
    cache_control = {part.strip() for part in response["Cache-Control"].split(",")}
    assert {"private", "no-store"} <= cache_control
    assert "public" not in cache_control


def test_redacteur_shares_a_draft_with_a_partner(client, clients, people, draft):
    screen = clients["redacteur"].get(f"/admin/liens-apercu/{draft.pk}/")
    assert screen.status_code == 200
    assert "Créer un lien de prévisualisation" in screen.content.decode()

    link = create_link(clients["redacteur"], draft)
    assert link.created_by == people["redacteur"]
    assert link.expires_at - timezone.now() > datetime.timedelta(days=6, hours=23)
    assert link.get_full_url() in clients["redacteur"].get(f"/admin/liens-apercu/{draft.pk}/").content.decode()

    response = client.get(f"/apercu/{link.token}/")
    assert response.status_code == 200
    body = response.content.decode()
    assert "Programme des Assises" in body and "Programme provisoire." in body
    assert_private(response)
    # The page itself stays unpublished.
    assert client.get(draft.url).status_code == 404


def test_link_shows_the_latest_revision_not_the_live_one(client, clients, site_tree):
    page = ArticlePageFactory(parent=site_tree["articles"], title="Rapport annuel", intro="Version en ligne.")
    pending = page.get_latest_revision_as_object()
    pending.intro = "Version révisée, pas encore validée."
    pending.save_revision()
    link = create_link(clients["moderateur"], page)

    preview = client.get(link.get_absolute_url()).content.decode()
    assert "Version révisée, pas encore validée." in preview
    assert "Aperçu d’une version non publiée." in preview
    expires = timezone.localtime(link.expires_at)
    assert f"expire le {expires.day} {date_format(expires, 'F')} {expires.year}" in preview
    live = client.get(page.url).content.decode()
    assert "Version en ligne." in live
    assert "Aperçu d’une version non publiée." not in live


def test_links_work_for_routable_index_and_event_pages(client, clients, site_tree):
    event = EventPageFactory(parent=site_tree["agenda"], title="Réunion du groupe-pays Mali", live=False)
    for page in (event, site_tree["agenda"]):
        link = create_link(clients["redacteur"], page)
        assert client.get(link.get_absolute_url()).status_code == 200


def test_expired_link_gets_a_french_403(client, clients, draft):
    link = create_link(clients["redacteur"], draft, days="1")
    with time_machine.travel(timezone.now() + datetime.timedelta(days=1, minutes=1)):
        response = client.get(link.get_absolute_url())
    assert response.status_code == 403
    body = response.content.decode()
    assert "Lien de prévisualisation expiré" in body
    assert "Programme provisoire." not in body
    assert_private(response)


def test_revoked_link_gets_a_french_403(client, clients, draft):
    link = create_link(clients["redacteur"], draft)
    response = clients["moderateur"].post(f"/admin/liens-apercu/{draft.pk}/{link.pk}/revoquer/")
    assert response.status_code == 302

    response = client.get(link.get_absolute_url())
    assert response.status_code == 403
    assert "révoqué" in response.content.decode()
    assert "Programme provisoire." not in response.content.decode()


@pytest.mark.parametrize(
    "path",
    [
        "/apercu/" + "A" * 43 + "/",  # well-formed but unknown
        "/apercu/court/",
        "/apercu/<script>alert(1)</script>/",
        "/apercu/%00%ff/",
    ],
)
def test_forged_tokens_get_the_french_404(client, clients, draft, path):
    create_link(clients["redacteur"], draft)
    response = client.get(path)
    assert response.status_code == 404
    body = response.content.decode()
    assert "Page introuvable" in body
    assert "<script>alert(1)</script>" not in body
    assert "Programme provisoire." not in body


def test_anonymous_cannot_create_or_revoke_links(client, clients, draft):
    link = create_link(clients["redacteur"], draft)
    assert client.post(f"/admin/liens-apercu/{draft.pk}/", {"days": "30"}).status_code == 302
    assert client.post(f"/admin/liens-apercu/{draft.pk}/{link.pk}/revoquer/").status_code == 302
    assert PreviewLink.objects.count() == 1
    assert PreviewLink.objects.get().is_valid


def test_revoking_needs_post_and_a_matching_page(clients, draft, site_tree):
    link = create_link(clients["redacteur"], draft)
    assert clients["redacteur"].get(f"/admin/liens-apercu/{draft.pk}/{link.pk}/revoquer/").status_code == 405
    other = site_tree["articles"].pk
    assert clients["redacteur"].post(f"/admin/liens-apercu/{other}/{link.pk}/revoquer/").status_code == 404
    assert PreviewLink.objects.get().is_valid


def test_the_page_editor_offers_the_preview_links_screen(clients, draft):
    editor = clients["redacteur"].get(f"/admin/pages/{draft.pk}/edit/").content.decode()
    assert f"/admin/liens-apercu/{draft.pk}/" in editor
