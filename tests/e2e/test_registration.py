"""The registration story in a browser: register -> confirmation email -> cancel from the email's link
-> the person waiting is promoted and told. The server only queues the emails; a real `db_worker`
process delivers them to an SMTP server (aiosmtpd) that this test runs on 127.0.0.1."""

import email
import email.policy
import os
import re
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlparse

import pytest
from aiosmtpd.controller import Controller
from playwright.sync_api import expect

from tests.e2e.test_axe import AXE, WCAG_TAGS, describe

pytestmark = pytest.mark.e2e

ROOT = Path(__file__).resolve().parents[2]
SMTP_PORT = int(os.environ.get("E2E_SMTP_PORT", "8862"))
EVENT = "/agenda/atelier-monter-un-projet-de-cooperation-avec-le-1-eau/"  # one place (core/demo/registrations.py)


class Inbox:
    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):
        self.messages.append(
            (envelope.rcpt_tos, email.message_from_bytes(envelope.content, policy=email.policy.default))
        )
        return "250 OK"

    def wait_for(self, address, subject_start, timeout=60):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            for recipients, message in self.messages:
                if address in recipients and str(message["Subject"]).strip().startswith(subject_start):
                    return message
            time.sleep(0.3)
        raise AssertionError(
            f"no email «{subject_start}» for {address}; got {[str(m['Subject']) for _, m in self.messages]}"
        )


@pytest.fixture
def inbox_and_worker(server_env, live_url):
    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=SMTP_PORT)
    controller.start()
    log = open(Path(server_env["CACHE_DIR"]).parent / "worker.log", "w")  # noqa: SIM115
    worker = subprocess.Popen(  # noqa: S603
        [sys.executable, "manage.py", "db_worker", "--no-reload", "--no-startup-delay", "--interval", "0.2"],
        cwd=ROOT, env={**server_env, "EMAIL_URL": f"smtp://127.0.0.1:{SMTP_PORT}"},
        stdout=log, stderr=subprocess.STDOUT,
    )  # fmt: skip
    try:
        yield inbox
    finally:
        worker.terminate()
        try:
            worker.wait(timeout=20)
        except subprocess.TimeoutExpired:
            worker.kill()
        log.close()
        controller.stop()


def register(page, name, address, organisation):
    page.goto(EVENT)
    page.get_by_role("link", name=re.compile("^S’inscrire")).click()
    page.get_by_label("Nom et prénom").fill(name)
    page.get_by_label("Adresse électronique").fill(address)
    page.get_by_label("Collectivité ou organisation").fill(organisation)
    page.get_by_label("Fonction").fill("Chargé·e de mission")
    page.get_by_label(re.compile("^J’accepte")).check()
    page.get_by_role("button", name=re.compile("^S’inscrire")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Demande d’inscription reçue")


def link_in(message):
    body = message.get_body(("plain",)).get_content()
    return urlparse(re.search(r"https?://\S+/inscription/gerer/\S+/", body).group(0)).path


def test_register_cancel_and_the_waiting_person_is_promoted(new_page, inbox_and_worker):
    inbox = inbox_and_worker
    first = new_page(width=375)
    first.goto(EVENT + "inscription/")
    results = AXE.run(first, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}, "resultTypes": ["violations"]})
    assert results.response["violations"] == [], describe(results.response["violations"])

    register(first, "Inès Morel", "ines.morel@example.org", "Ville de Nantes")
    confirmation = inbox.wait_for("ines.morel@example.org", "Inscription confirmée")
    assert any(part.get_content_type() == "text/calendar" for part in confirmation.iter_attachments())

    second = new_page(width=1280)
    register(second, "Paul Girard", "paul.girard@example.org", "Métropole de Lille")
    inbox.wait_for("paul.girard@example.org", "Liste d’attente")
    second.goto(EVENT)
    expect(second.locator("main")).to_contain_text("Complet")

    first.goto(link_in(confirmation))
    first.get_by_role("button", name="Annuler mon inscription").click()
    expect(first.get_by_role("status")).to_contain_text("Votre inscription est annulée.")
    inbox.wait_for("ines.morel@example.org", "Inscription annulée")
    promoted = inbox.wait_for("paul.girard@example.org", "Une place s’est libérée")
    assert any(part.get_content_type() == "text/calendar" for part in promoted.iter_attachments())
    second.goto(link_in(promoted))
    expect(second.locator("dl")).to_contain_text("Confirmée")
