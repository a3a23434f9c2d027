"""Submit → approve → live; submit → reject with a comment → the author sees it; edits go back to moderation."""

import pytest
from django.core import mail
from wagtail.models import Page

from articles.models import ArticlePage
from tests.editorial.conftest import current_task_state, edit, workflow_action
from tests.factories import ArticlePageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def draft(site_tree, people):
    page = ArticlePageFactory(parent=site_tree["articles"], title="Assises de la coopération", live=False)
    Page.objects.filter(pk=page.pk).update(owner=people["redacteur"])
    return page


def live_title(page):
    return ArticlePage.objects.get(pk=page.pk)


def test_submit_then_approve_makes_the_page_live_and_notifies_everyone(client, clients, people, draft):
    response = edit(clients["redacteur"], draft, "action-submit", intro="Texte soumis à la modération.")
    assert response.status_code == 302
    assert not ArticlePage.objects.get(pk=draft.pk).live
    assert client.get(draft.url).status_code == 404

    # Moderators (and the superuser) are told by email; the author is not.
    submitted = {to for message in mail.outbox for to in message.to}
    assert "moderateur@example.org" in submitted
    assert "redacteur@example.org" not in submitted
    assert any("Assises de la coopération" in message.subject for message in mail.outbox)

    # The moderator sees the page waiting on the dashboard, previews it and compares it.
    dashboard = clients["moderateur"].get("/admin/").content.decode()
    assert "Assises de la coopération" in dashboard
    task_state = current_task_state(draft)
    preview = clients["moderateur"].get(f"/admin/pages/workflow/preview/{draft.pk}/{task_state.task_id}/")
    assert "Texte soumis à la modération." in preview.content.decode()

    mail.outbox.clear()
    assert workflow_action(clients["moderateur"], draft, "approve", comment="").status_code == 302

    page = ArticlePage.objects.get(pk=draft.pk)
    assert page.live
    body = client.get(page.url).content.decode()
    assert "Texte soumis à la modération." in body
    assert [message.to for message in mail.outbox] == [["redacteur@example.org"]]
    assert "Assises de la coopération" in mail.outbox[0].subject


def test_reject_with_a_comment_reaches_the_author(client, clients, people, draft):
    edit(clients["redacteur"], draft, "action-submit")
    mail.outbox.clear()

    response = workflow_action(
        clients["moderateur"], draft, "reject", comment="Merci de préciser la date de la rencontre."
    )
    assert response.status_code == 302
    assert not ArticlePage.objects.get(pk=draft.pk).live

    # By email…
    assert [message.to for message in mail.outbox] == [["redacteur@example.org"]]
    assert "Merci de préciser la date de la rencontre." in mail.outbox[0].body
    # …and in the editor, where the author can fix the page.
    editor = clients["redacteur"].get(f"/admin/pages/{draft.pk}/edit/")
    assert editor.status_code == 200
    assert "Merci de préciser la date de la rencontre." in editor.content.decode()
    # The page is no longer locked by moderation: the author can edit and resubmit it.
    assert edit(clients["redacteur"], draft, "action-submit", intro="Date précisée.").status_code == 302
    assert Page.objects.get(pk=draft.pk).workflow_in_progress


def test_page_under_moderation_is_locked_for_the_author(clients, draft):
    edit(clients["redacteur"], draft, "action-submit", intro="Version soumise.")
    edit(clients["redacteur"], draft, None, intro="Modification pendant la modération.")

    latest = ArticlePage.objects.get(pk=draft.pk).get_latest_revision_as_object()
    assert latest.intro == "Version soumise."


def test_editing_an_approved_page_goes_back_to_moderation(client, clients, draft):
    edit(clients["redacteur"], draft, "action-submit", intro="Première version.")
    workflow_action(clients["moderateur"], draft, "approve", comment="")
    assert "Première version." in client.get(draft.url).content.decode()

    edit(clients["redacteur"], draft, "action-submit", intro="Seconde version.")

    page = Page.objects.get(pk=draft.pk)
    assert page.workflow_in_progress
    live = client.get(draft.url).content.decode()
    assert "Première version." in live and "Seconde version." not in live

    workflow_action(clients["moderateur"], draft, "approve", comment="")
    assert "Seconde version." in client.get(draft.url).content.decode()


def test_moderator_compares_the_draft_with_the_live_version(clients, draft):
    edit(clients["redacteur"], draft, "action-submit", intro="Première version.")
    workflow_action(clients["moderateur"], draft, "approve", comment="")
    edit(clients["redacteur"], draft, "action-submit", intro="Seconde version.")

    latest = Page.objects.get(pk=draft.pk).get_latest_revision()
    response = clients["moderateur"].get(f"/admin/pages/{draft.pk}/revisions/compare/live...{latest.pk}/")
    assert response.status_code == 200
    body = response.content.decode()
    assert "Première" in body and "Seconde" in body


def test_invalid_submission_shows_errors_and_keeps_the_text(clients, draft):
    response = edit(clients["redacteur"], draft, "action-submit", date="31/02/2025", intro="Texte à ne pas perdre.")
    assert response.status_code == 200
    body = response.content.decode()
    assert "Saisissez une date valide." in body
    assert "Texte à ne pas perdre." in body
    assert not Page.objects.get(pk=draft.pk).workflow_in_progress
