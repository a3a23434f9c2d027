"""The editorial workflow through the French admin: a writer submits, a moderator approves, visitors read.

Works with whatever single-step moderation workflow the site has ("Validation par un modérateur" for
the group "Modérateurs"): the test only uses the buttons an editor sees.
"""

import datetime
import re
import time
import zoneinfo

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import DEMO_PASSWORD

pytestmark = pytest.mark.e2e


def log_in(page, username):
    page.goto("/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", DEMO_PASSWORD)
    page.get_by_role("button", name="S'identifier").click()
    page.wait_for_url(re.compile(r"/admin/$"))


def write_and_submit_article(page, title):
    page.goto("/admin/pages/")
    for parent in ("Accueil", "Actualités"):  # walk the explorer down to the news index's children
        edit_url = page.get_by_role("link", name=parent, exact=True).first.get_attribute("href")
        page.goto(re.sub(r"edit/$", "", edit_url))
    page.get_by_role("link", name="Ajouter une sous-page").first.click()
    page.wait_for_url(re.compile(r"/admin/pages/add/articles/articlepage/\d+/$"))

    page.fill("#id_title", title)
    today = datetime.datetime.now(zoneinfo.ZoneInfo("Europe/Paris")).date()
    page.fill("#id_date", today.strftime("%d/%m/%Y"))
    page.keyboard.press("Escape")  # closes the date picker
    page.fill("#id_intro", "Les collectivités partenaires présentent le bilan de leur coopération.")
    body = page.locator("[data-contentpath='body']")
    body.get_by_role("button", name=re.compile("Insérer un bloc|Ajouter")).first.click()
    page.get_by_role("option", name="Paragraphe").or_(page.get_by_role("button", name="Paragraphe")).first.click()
    editor = body.locator("[contenteditable='true']").first
    editor.click()
    expect(editor).to_be_focused()
    editor.press_sequentially("Le corps de l’article, écrit dans l’éditeur de texte riche.")
    expect(editor).to_contain_text("écrit dans l’éditeur de texte riche")
    page.locator("#id_intro").click()  # leaving the editor commits its content to the form field
    # Draftail writes its content to the block's hidden field 250 ms after the last keystroke.
    expect(body.locator("input[type='hidden'][name$='-value']").first).to_have_value(re.compile("écrit dans"))
    expect(page.locator("#id_date")).to_have_value(today.strftime("%d/%m/%Y"))

    page.get_by_role("button", name="Plus d'actions").click()
    page.get_by_role("button", name=re.compile(r"^Soumettre à ")).click()
    # Wagtail goes back to the explorer, or to the editor of the new page, depending on where it came from.
    page.wait_for_url(re.compile(r"/admin/pages/\d+/(edit/)?$"))
    expect(page.locator(".messages")).to_contain_text("soumise pour modération")


def awaiting_review(page, title):
    """The row of `title` in Wagtail's "awaiting your review" panel of the dashboard (the dashboard also
    lists recently published pages, editorial/dashboard.py)."""
    return page.locator("#awaiting-review-section tr", has_text=title)


def approve(page, title):
    row = awaiting_review(page, title)
    row.get_by_role("button", name="Actions").click()
    row.get_by_role("button", name="Approuver", exact=True).click()
    expect(awaiting_review(page, title)).to_have_count(0, timeout=30_000)  # nothing left to review


def test_writer_submits_moderator_approves_visitor_reads(new_page):
    title = f"Coopération décentralisée : bilan de l’atelier {int(time.time())}"

    writer = new_page(width=1280)
    log_in(writer, "redacteur")
    write_and_submit_article(writer, title)

    visitor = new_page(width=1280)
    visitor.goto("/actualites/")
    assert visitor.get_by_role("link", name=title).count() == 0, "a draft awaiting moderation is not public"

    moderator = new_page(width=1280)
    log_in(moderator, "moderateur")
    assert awaiting_review(moderator, title).count() == 1, "the submission awaits the moderator's review"
    approve(moderator, title)

    # A new visitor: the first one's browser may keep /actualites/ for its max-age (60 s); the server's
    # page cache itself was purged by the approval.
    visitor = new_page(width=1280)
    visitor.goto("/actualites/")
    visitor.get_by_role("link", name=title).first.click()
    assert visitor.locator("h1").inner_text() == title
    expect(visitor.locator("main")).to_contain_text("Le corps de l’article, écrit dans l’éditeur de texte riche.")
    visitor.goto("/")
    assert visitor.get_by_role("link", name=title).count() >= 1, "the new article is on the homepage"
