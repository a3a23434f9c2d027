"""The registration story in a browser: register -> confirmation email -> cancel from the email's link
-> the person waiting is promoted and told. The server only queues the emails; the suite's `db_worker`
process delivers them to the suite's SMTP server (aiosmtpd on 127.0.0.1, tests/e2e/conftest.py)."""

import re
import time
from pathlib import Path
from urllib.parse import urlparse

import pytest
from playwright.sync_api import expect

from tests.e2e.test_axe import AXE, WCAG_TAGS, describe

pytestmark = pytest.mark.e2e

ROOT = Path(__file__).resolve().parents[2]
EVENT = "/agenda/atelier-monter-un-projet-de-cooperation-avec-le-1-eau/"  # one place (core/demo/registrations.py)


def wait_for(inbox, address, subject_start, timeout=60):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        for message in list(inbox.messages):
            if message["To"] == address and str(message["Subject"]).strip().startswith(subject_start):
                return message
        time.sleep(0.3)
    raise AssertionError(f"no email «{subject_start}» for {address}; got {[str(m['Subject']) for m in inbox.messages]}")


def register(page, name, address, *, collectivite=None, organisation=None):
    """Register with a local government chosen in the directory's list, or an organisation's name."""
    page.goto(EVENT)
    page.get_by_role("link", name=re.compile("^S’inscrire")).click()
    page.get_by_label("Nom et prénom").fill(name)
    page.get_by_label("Adresse électronique").fill(address)
    if collectivite:
        page.get_by_label("Votre collectivité dans l’annuaire").select_option(label=collectivite)
    if organisation:
        page.get_by_label("Ou le nom de votre organisation, si elle n’y figure pas").fill(organisation)
    page.get_by_label("Fonction").fill("Chargé·e de mission")
    page.get_by_label(re.compile("^J’accepte")).check()
    page.get_by_role("button", name=re.compile("^S’inscrire")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Demande d’inscription reçue")


def link_in(message):
    body = message.get_body(("plain",)).get_content()
    return urlparse(re.search(r"https?://\S+/inscription/gerer/\S+/", body).group(0)).path


def test_register_cancel_and_the_waiting_person_is_promoted(new_page, smtp_inbox):
    inbox = smtp_inbox
    first = new_page(width=375)
    first.goto(EVENT + "inscription/")
    results = AXE.run(first, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}, "resultTypes": ["violations"]})
    assert results.response["violations"] == [], describe(results.response["violations"])

    # Neither the directory nor a name: the French message is next to the list, which says so.
    first.get_by_label("Nom et prénom").fill("Inès Morel")
    first.get_by_role("button", name=re.compile("^S’inscrire")).click()
    chooser = first.get_by_label("Votre collectivité dans l’annuaire")
    expect(chooser).to_have_attribute("aria-invalid", "true")
    expect(chooser).to_have_accessible_description(re.compile("Choisissez votre collectivité dans l’annuaire"))

    register(first, "Inès Morel", "ines.morel@example.org", collectivite="Ville de Nantes")
    confirmation = wait_for(inbox, "ines.morel@example.org", "Inscription confirmée")
    assert any(part.get_content_type() == "text/calendar" for part in confirmation.iter_attachments())
    assert "Collectivité ou organisation : Ville de Nantes" in confirmation.get_body(("plain",)).get_content()

    second = new_page(width=1280)
    register(second, "Paul Girard", "paul.girard@example.org", organisation="Métropole de Lille")
    wait_for(inbox, "paul.girard@example.org", "Liste d’attente")
    second.goto(EVENT)
    expect(second.locator("main")).to_contain_text("Complet")

    first.goto(link_in(confirmation))
    expect(first.locator("dl")).to_contain_text("Ville de Nantes")
    first.get_by_role("button", name="Annuler mon inscription").click()
    expect(first.get_by_role("status")).to_contain_text("Votre inscription est annulée.")
    wait_for(inbox, "ines.morel@example.org", "Inscription annulée")
    promoted = wait_for(inbox, "paul.girard@example.org", "Une place s’est libérée")
    assert any(part.get_content_type() == "text/calendar" for part in promoted.iter_attachments())
    second.goto(link_in(promoted))
    expect(second.locator("dl")).to_contain_text("Confirmée")
    expect(second.locator("dl")).to_contain_text("Métropole de Lille")
