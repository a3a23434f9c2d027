"""A real SMTP server (aiosmtpd) on 127.0.0.1 and a real database worker pass, for the registration tests."""

import email
import email.policy
from unittest import mock

import pytest
from aiosmtpd.controller import Controller
from django.test import override_settings
from django_tasks_db.management.commands import db_worker
from django_tasks_db.management.commands.db_worker import Worker

from newsletter.testing import free_port
from tests.editorial.conftest import clients, people  # noqa: F401
from tests.factories import EventPageFactory


class Inbox:
    """Messages the SMTP server accepted: envelope and parsed message."""

    def __init__(self):
        self.envelopes = []

    async def handle_DATA(self, server, session, envelope):
        self.envelopes.append(envelope)
        return "250 Message accepted for delivery"

    @property
    def messages(self):
        return [email.message_from_bytes(e.content, policy=email.policy.default) for e in self.envelopes]

    def to(self, address):
        return [m for e, m in zip(self.envelopes, self.messages, strict=True) if address in e.rcpt_tos]

    def clear(self):
        self.envelopes.clear()


@pytest.fixture(scope="session")
def smtp_server():
    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=free_port())
    controller.start()
    inbox.port = controller.port
    yield inbox
    controller.stop()


@pytest.fixture
def inbox(smtp_server):
    smtp_server.clear()
    return smtp_server


@pytest.fixture
def worker_settings(inbox):
    """The production path: requests queue tasks in the database, the worker sends over SMTP."""
    with override_settings(
        TASKS={"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}},
        EMAIL_BACKEND="core.mail.QueuedEmailBackend",
        EMAIL_DELIVERY_BACKEND="django.core.mail.backends.smtp.EmailBackend",
        EMAIL_HOST="127.0.0.1",
        EMAIL_PORT=inbox.port,
        EMAIL_USE_TLS=False,
        EMAIL_USE_SSL=False,
        EMAIL_TIMEOUT=5,
    ):
        yield inbox


def run_worker(max_tasks=None):
    """One pass of the real db_worker loop in this process: every ready task, then return."""
    worker = Worker(queue_names=["default"], interval=0, batch=True, backend_name="default", startup_delay=False,
                    max_tasks=max_tasks, worker_id="test-worker", excluded_queue_names=[])  # fmt: skip
    # The loop drops stale connections between tasks; inside a test's transaction that would close
    # the very connection holding the test data (its autocommit differs from the settings').
    with mock.patch.object(db_worker, "close_old_connections", lambda: None):
        worker.run()


@pytest.fixture
def open_event(site_tree):
    return EventPageFactory(parent=site_tree["agenda"], title="Rencontres de la coopération", slug="rencontres",
                            registration_open=True, capacity=2, venue="Palais des congrès")  # fmt: skip


def register_data(**overrides):
    data = {
        "name": "Awa Diop",
        "email": "awa.diop@example.org",
        "organisation": "Ville de Rennes",
        "function": "Chargée de mission",
        "accessibility": "",
        "consent": "on",
        "site_web": "",
    }
    data.update(overrides)
    return data
