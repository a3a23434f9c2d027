"""The newsletter story in a browser: a visitor subscribes, confirms from the email, receives an issue
that a moderator sends from the admin, then unsubscribes from the link of that issue.

Emails go from the e2e server to the suite's SMTP server (smtp_inbox, tests/e2e/conftest.py).
"""

import re
import sqlite3
import time

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import DEMO_PASSWORD

pytestmark = pytest.mark.e2e

ADDRESS = "elue.e2e@ville-exemple.fr"


def wait_for_mail(inbox, address, subject_part, timeout=30):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        found = [m for m in inbox.to(address) if subject_part in m["Subject"]]
        if found:
            return found[-1]
        time.sleep(0.2)
    raise AssertionError(f"no email « {subject_part} » for {address}")


def link(message, marker):
    text = message.get_body(preferencelist=("plain",)).get_content()
    return next(url for url in re.findall(r"https?://\S+", text) if marker in url)


def test_subscribe_confirm_receive_an_issue_and_unsubscribe(new_page, smtp_inbox, server_env, site_pages):
    visitor = new_page()
    visitor.goto("/")
    visitor.get_by_role("navigation", name="Menu principal").get_by_role("link", name="La lettre").click()
    expect(visitor.get_by_role("heading", level=1)).to_have_text("La lettre de la coopération décentralisée")
    visitor.get_by_label("Adresse e-mail").fill(ADDRESS)
    visitor.get_by_label("Nom (facultatif)").fill("Camille Martin")
    visitor.get_by_role("group", name="Thématiques").get_by_label("Climat et environnement").check()
    visitor.get_by_label("J’accepte de recevoir").check()
    visitor.get_by_role("button", name="S’inscrire à la lettre").click()
    expect(visitor.get_by_role("heading", level=1)).to_have_text("Vérifiez votre boîte de réception")

    confirmation = wait_for_mail(smtp_inbox, ADDRESS, "Confirmez votre inscription")
    assert confirmation["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    visitor.goto(link(confirmation, "/confirmer/"))
    visitor.get_by_role("button", name="Je confirme mon inscription").click()
    expect(visitor.get_by_role("heading", level=1)).to_have_text("Inscription confirmée")

    with sqlite3.connect(server_env["E2E_DB_PATH"]) as db:
        (issue_id,) = db.execute("SELECT id FROM wagtailcore_page WHERE slug = 'lettre-n-42'").fetchone()
    moderator = new_page()
    moderator.goto("/admin/login/")
    moderator.fill("#id_username", "moderateur")
    moderator.fill("#id_password", DEMO_PASSWORD)
    moderator.get_by_role("button", name="S'identifier").click()
    moderator.wait_for_url(re.compile(r"/admin/$"))
    moderator.goto(f"/admin/pages/{issue_id}/edit/")
    moderator.goto(f"/admin/lettre/envoi/{issue_id}/")
    moderator.get_by_label("Je confirme l’envoi").check()
    moderator.get_by_role("button", name=re.compile(r"^Envoyer à \d+ abonné")).click()
    expect(moderator.get_by_text("L’envoi a commencé")).to_be_visible()

    issue = wait_for_mail(smtp_inbox, ADDRESS, "Climat : les collectivités en première ligne")
    assert issue.get_content_type() == "multipart/alternative"
    visitor.goto(link(issue, "/desinscription/"))
    visitor.get_by_role("button", name="Confirmer la désinscription").click()
    expect(visitor.get_by_role("heading", level=1)).to_have_text("Vous êtes désinscrit·e")
