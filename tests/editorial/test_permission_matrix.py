"""Who can do what: (anonymous, Rédacteur, Modérateur, admin) × each editorial action, on the real admin URLs.

Each case records what the person gets (the HTTP status, "login" for the login page, "refusé" for
Wagtail's permission-denied redirect to the dashboard) and whether the action's effect happened:
a status alone can hide a silent no-op (a Rédacteur's "publish" is a 302 that only saves a draft).
"""

import pytest
from wagtail.models import Page, WorkflowState

from editorial.models import PreviewLink
from tests.editorial.conftest import ROLES, article_form, edit, outcome, workflow_action
from tests.factories import ArticleIndexPageFactory, ArticlePageFactory

pytestmark = pytest.mark.django_db

DRAFT_TEXT = "Texte du brouillon en attente."


@pytest.fixture
def pages(site_tree, people):
    live = ArticlePageFactory(parent=site_tree["articles"], title="Article publié", intro="Version publiée.")
    draft_version = live.get_latest_revision_as_object()
    draft_version.intro = DRAFT_TEXT
    draft_version.save_revision(user=people["redacteur"])

    submitted = ArticlePageFactory(parent=site_tree["articles"], title="Article soumis", live=False)
    submitted.save_revision(user=people["redacteur"])
    submitted.get_workflow().start(submitted, people["redacteur"])

    other_index = ArticleIndexPageFactory(parent=site_tree["home"], title="Archives", slug="archives")
    return {"live": live, "submitted": submitted, "other_index": other_index}


def reload(page):
    return Page.objects.filter(pk=page.pk).first()


def view_draft(client, pages):
    response = client.get(f"/admin/pages/{pages['live'].pk}/view_draft/")
    return outcome(response), DRAFT_TEXT in response.content.decode()


def preview(client, pages):
    url = f"/admin/pages/{pages['live'].pk}/edit/preview/"
    client.post(url, article_form(pages["live"]))
    response = client.get(url)
    return outcome(response), DRAFT_TEXT in response.content.decode()


def edit_form(client, pages):
    response = client.get(f"/admin/pages/{pages['live'].pk}/edit/")
    return outcome(response), DRAFT_TEXT in response.content.decode()


def submit(client, pages):
    response = edit(client, pages["live"], "action-submit")
    return outcome(response), reload(pages["live"]).workflow_in_progress


def approve(client, pages):
    response = workflow_action(client, pages["submitted"], "approve", comment="")
    return outcome(response), reload(pages["submitted"]).live


def reject(client, pages):
    response = workflow_action(client, pages["submitted"], "reject", comment="À revoir.")
    state = WorkflowState.objects.filter(object_id=str(pages["submitted"].pk)).get()
    return outcome(response), state.status == WorkflowState.STATUS_NEEDS_CHANGES


def publish(client, pages):
    response = edit(client, pages["live"], "action-publish", intro="Publié directement.")
    return outcome(response), reload(pages["live"]).specific.intro == "Publié directement."


def unpublish(client, pages):
    response = client.post(f"/admin/pages/{pages['live'].pk}/unpublish/")
    return outcome(response), not reload(pages["live"]).live


def delete(client, pages):
    response = client.post(f"/admin/pages/{pages['live'].pk}/delete/")
    return outcome(response), reload(pages["live"]) is None


def move(client, pages):
    response = client.post(f"/admin/pages/{pages['live'].pk}/move/{pages['other_index'].pk}/confirm/")
    return outcome(response), reload(pages["live"]).get_parent().pk == pages["other_index"].pk


def copy(client, pages):
    """Copy and ask for the copy to be published: only those who may publish get a live copy."""
    live = pages["live"]
    response = client.post(
        f"/admin/pages/{live.pk}/copy/",
        {
            "new_title": "Copie",
            "new_slug": "copie",
            "new_parent_page": str(live.get_parent().pk),
            "publish_copies": "on",
        },
    )
    return outcome(response), Page.objects.filter(slug="copie", live=True).exists()


def compare(client, pages):
    live = pages["live"]
    latest = live.get_latest_revision()
    response = client.get(f"/admin/pages/{live.pk}/revisions/compare/live...{latest.pk}/")
    return outcome(response), response.status_code == 200 and "Version publiée." in response.content.decode()


def history(client, pages):
    response = client.get(f"/admin/pages/{pages['live'].pk}/history/")
    return outcome(response), response.status_code == 200 and "Article publié" in response.content.decode()


def shareable_preview(client, pages):
    response = client.post(f"/admin/liens-apercu/{pages['live'].pk}/", {"days": "7"})
    return outcome(response), PreviewLink.objects.filter(page=pages["live"]).exists()


ACTIONS = {
    "view draft": view_draft,
    "preview": preview,
    "edit": edit_form,
    "submit": submit,
    "approve": approve,
    "reject": reject,
    "publish": publish,
    "unpublish": unpublish,
    "delete": delete,
    "move": move,
    "copy": copy,
    "revisions compare": compare,
    "history": history,
    "shareable preview": shareable_preview,
}

# (status, effect) for anonymous, Rédacteur, Modérateur, admin.
LOGIN = ("login", False)
DENIED = ("refusé", False)
MATRIX = {
    "view draft": [LOGIN, (200, True), (200, True), (200, True)],
    "preview": [LOGIN, (200, True), (200, True), (200, True)],
    "edit": [LOGIN, (200, True), (200, True), (200, True)],
    "submit": [LOGIN, (302, True), (302, True), (302, True)],
    "approve": [LOGIN, DENIED, (302, True), (302, True)],
    "reject": [LOGIN, DENIED, (302, True), (302, True)],
    # The Rédacteur's "publish" only saves a draft: nothing goes live.
    "publish": [LOGIN, (302, False), (302, True), (302, True)],
    "unpublish": [LOGIN, DENIED, (302, True), (302, True)],
    "delete": [LOGIN, DENIED, (302, True), (302, True)],
    "move": [LOGIN, DENIED, (302, True), (302, True)],
    # The Rédacteur's form has no "publish copies" option: the copy is a draft.
    "copy": [LOGIN, (302, False), (302, True), (302, True)],
    "revisions compare": [LOGIN, (200, True), (200, True), (200, True)],
    "history": [LOGIN, (200, True), (200, True), (200, True)],
    "shareable preview": [LOGIN, (302, True), (302, True), (302, True)],
}

CASES = [(action, role, MATRIX[action][index]) for action in ACTIONS for index, role in enumerate(ROLES)]


@pytest.mark.parametrize(("action", "role", "expected"), CASES, ids=[f"{a}-{r}" for a, r, _ in CASES])
def test_permission_matrix(clients, pages, action, role, expected):
    status, effect = ACTIONS[action](clients[role], pages)
    assert (status, effect) == expected


def test_anonymous_is_sent_to_the_login_page(clients, pages):
    response = clients["anonyme"].get(f"/admin/pages/{pages['live'].pk}/edit/")
    assert outcome(response) == "login"


def test_refusal_tells_the_redacteur_in_french(clients, pages):
    response = clients["redacteur"].post(f"/admin/pages/{pages['live'].pk}/unpublish/", follow=True)
    assert "Désolé" in response.content.decode()
    assert Page.objects.get(pk=pages["live"].pk).live
