"""The background worker for real: the database backend, a db_worker pass, retries, failures in the admin.

Publishing and workflow emails enqueue work instead of doing it in the request.
"""

import datetime

import pytest
from django.core import mail
from django.test import override_settings
from django.utils import timezone
from django_tasks_db.models import DBTaskResult
from wagtail.models import Page

from core.tasks import backoff_delay, retrying_task
from tests.editorial.conftest import edit
from tests.factories import ArticlePageFactory
from tests.registrations.conftest import run_worker

pytestmark = pytest.mark.django_db

DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
CALLS = []


@retrying_task(max_attempts=3, backoff=30)
def flaky(label, failures):
    """Fails `failures` times, then succeeds."""
    CALLS.append(label)
    if CALLS.count(label) <= failures:
        raise ConnectionError(f"SMTP indisponible ({label})")
    return label


def rows(label):
    return list(
        DBTaskResult.objects.filter(task_path__endswith=".flaky", args_kwargs__args=[label, 5]).order_by("enqueued_at")
    )


def make_due():
    DBTaskResult.objects.filter(status="READY").update(run_after=timezone.now() - datetime.timedelta(seconds=1))


@override_settings(TASKS=DATABASE_TASKS)
def test_a_failing_task_is_retried_with_backoff_then_left_failed():
    CALLS.clear()
    flaky.enqueue("a", 5)
    before = timezone.now()
    run_worker()
    first, second = rows("a")
    assert first.status == "FAILED" and first.exception_class_path == "builtins.ConnectionError"
    assert second.status == "READY" and second.args_kwargs["kwargs"] == {"attempt": 2}
    # Not before the backoff: a worker pass now leaves it alone.
    assert second.run_after >= before + datetime.timedelta(seconds=backoff_delay(1, 30))
    run_worker()
    assert len(rows("a")) == 2

    make_due()
    run_worker()
    make_due()
    run_worker()
    statuses = [(row.status, row.args_kwargs["kwargs"].get("attempt", 1)) for row in rows("a")]
    assert statuses == [("FAILED", 1), ("FAILED", 2), ("FAILED", 3)]  # max_attempts=3: no fourth
    assert backoff_delay(2, 30) == 60 and backoff_delay(3, 30) == 120


@override_settings(TASKS=DATABASE_TASKS)
def test_a_task_that_recovers_succeeds_on_its_second_attempt():
    CALLS.clear()
    flaky.enqueue("b", 1)
    run_worker()
    make_due()
    run_worker()
    results = DBTaskResult.objects.filter(task_path__endswith=".flaky").order_by("enqueued_at")
    assert [row.status for row in results] == ["FAILED", "SUCCESSFUL"]
    assert results[1].return_value == "b"


@override_settings(TASKS=DATABASE_TASKS)
def test_moderators_see_failed_tasks_in_the_admin(clients):
    CALLS.clear()
    flaky.enqueue("c", 5)
    run_worker()
    response = clients["moderateur"].get("/admin/django_tasks_database/dbtaskresult/")
    assert response.status_code == 200
    text = response.content.decode()
    assert "flaky" in text and "ConnectionError" in text
    failed = DBTaskResult.objects.get(status="FAILED")
    detail = clients["moderateur"].get(f"/admin/django_tasks_database/dbtaskresult/inspect/{failed.pk}/")
    assert "SMTP indisponible" in detail.content.decode()
    assert clients["redacteur"].get("/admin/django_tasks_database/dbtaskresult/").status_code in (302, 403)


@override_settings(TASKS=DATABASE_TASKS)
def test_publishing_enqueues_the_renditions_instead_of_making_them(site_tree, django_capture_on_commit_callbacks):
    page = ArticlePageFactory(parent=site_tree["articles"], live=False)
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()
    queued = DBTaskResult.objects.filter(task_path="media_library.tasks.generate_page_renditions")
    assert [row.status for row in queued] == ["READY"]
    run_worker()
    assert queued.get().status == "SUCCESSFUL"


@override_settings(
    TASKS=DATABASE_TASKS,
    EMAIL_BACKEND="core.mail.QueuedEmailBackend",
    EMAIL_DELIVERY_BACKEND="django.core.mail.backends.locmem.EmailBackend",
)
def test_workflow_notifications_leave_through_the_worker(site_tree, clients, people):
    draft = ArticlePageFactory(parent=site_tree["articles"], title="Assises de la coopération", live=False)
    Page.objects.filter(pk=draft.pk).update(owner=people["redacteur"])
    mail.outbox.clear()
    assert edit(clients["redacteur"], draft, "action-submit").status_code == 302
    assert mail.outbox == []  # the request only queued them
    assert DBTaskResult.objects.filter(task_path="core.mail.deliver_email", status="READY").exists()
    run_worker()
    recipients = {to for message in mail.outbox for to in message.recipients()}
    assert "moderateur@example.org" in recipients
    assert any("Assises de la coopération" in message.subject for message in mail.outbox)
