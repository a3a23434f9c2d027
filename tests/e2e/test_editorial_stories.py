"""Whole editorial stories in the French admin, as the communication team lives them.

1. A rédacteur starts an actualité from the dashboard, uploads a new picture from the image chooser (the
   alternative text is required), writes the body and submits; the moderator asks for changes with a
   comment; the rédacteur reads it on the dashboard, fixes the page and submits again; the moderator
   approves; a visitor reads the article with its picture in modern formats.
2. A moderator adds a link to the footer (Paramètres → Menus et pied de page); a visitor sees it on every
   page at once (the page cache is purged).

Screenshots at 375 and 1280 px go to artifacts/e2e/: the dashboard with the reviewer's comment, the editor
with the upload tab of the image chooser, the footer.
"""

import datetime
import io
import re
import time
import zoneinfo

import pytest
from PIL import Image
from playwright.sync_api import expect

from tests.e2e.test_workflow import approve, awaiting_review, log_in

pytestmark = pytest.mark.e2e

WIDTHS = (375, 1280)
COMMENT = "Précisez la date de la rencontre dans le chapô."


def jpeg(colour):
    buffer = io.BytesIO()
    Image.new("RGB", (1200, 675), colour).save(buffer, format="JPEG", quality=90)
    return {"name": "rencontre-des-elus.jpg", "mimeType": "image/jpeg", "buffer": buffer.getvalue()}


def start_an_actualite(page):
    """From the dashboard's "Nouvelle actualité" button: the form under the news index, dated today."""
    page.get_by_role("link", name="Nouvelle actualité").click()
    page.wait_for_url(re.compile(r"/admin/pages/add/articles/articlepage/\d+/$"))
    today = datetime.datetime.now(zoneinfo.ZoneInfo("Europe/Paris")).date()
    expect(page.locator("#id_date")).to_have_value(today.strftime("%d/%m/%Y"))
    expect(page.locator("#id_kind")).to_have_value("actualite")


def open_the_upload_tab(page):
    page.locator("[data-contentpath='cover']").get_by_role("button", name="Choisir une image").click()
    dialog = page.get_by_role("dialog")
    dialog.get_by_role("tab", name="Transférer").click()
    expect(page.locator("#id_image-chooser-upload-description")).to_be_visible()
    return dialog


def upload_a_cover(page, alt_text, colour, screenshot):
    dialog = open_the_upload_tab(page)
    page.screenshot(path=screenshot)
    upload_form = dialog.locator("form[action*='chooser/create']")
    page.fill("#id_image-chooser-upload-title", "Rencontre des élus partenaires")
    page.set_input_files("#id_image-chooser-upload-file", files=[jpeg(colour)])
    upload_form.get_by_role("button", name="Transférer").click()
    # No alternative text: the form comes back with the error, nothing is uploaded.
    expect(upload_form.locator(".error-message")).to_contain_text("Ce champ est requis.")
    page.fill("#id_image-chooser-upload-description", alt_text)
    page.set_input_files("#id_image-chooser-upload-file", files=[jpeg(colour)])
    upload_form.get_by_role("button", name="Transférer").click()
    expect(page.get_by_role("dialog")).to_have_count(0)
    expect(page.locator("[data-contentpath='cover']")).to_contain_text("Rencontre des élus partenaires")


def write_the_body(page, text):
    body = page.locator("[data-contentpath='body']")
    body.get_by_role("button", name=re.compile("Insérer un bloc|Ajouter")).first.click()
    page.get_by_role("option", name="Paragraphe").or_(page.get_by_role("button", name="Paragraphe")).first.click()
    editor = body.locator("[contenteditable='true']").first
    editor.click()
    expect(editor).to_be_focused()
    editor.press_sequentially(text)
    page.locator("#id_intro").click()  # leaving the editor commits its content to the form field
    expect(body.locator("input[type='hidden'][name$='-value']").first).to_have_value(re.compile(text[:20]))


def submit(page, button_name):
    page.get_by_role("button", name="Plus d'actions").click()
    page.get_by_role("button", name=re.compile(button_name)).click()
    page.wait_for_url(re.compile(r"/admin/pages/\d+/(edit/)?$"))
    expect(page.locator(".messages")).to_contain_text("soumise pour modération")


def ask_for_changes(page, title, comment):
    row = awaiting_review(page, title)
    row.get_by_role("button", name="Actions").click()
    row.get_by_role("button", name="Demander des modifications").click()
    dialog = page.get_by_role("dialog")
    dialog.locator("textarea").fill(comment)
    dialog.get_by_role("button", name="Demander des modifications").click()
    expect(awaiting_review(page, title)).to_have_count(0, timeout=30_000)


def test_an_actualite_from_dashboard_to_visitor_with_an_uploaded_picture(new_page, artifacts_dir):
    title = f"Rencontre des élus partenaires {int(time.time())}"
    alt_text = "Des élus réunis autour d’une table dans la salle du conseil"

    writer = new_page(width=1280)
    log_in(writer, "redacteur")
    start_an_actualite(writer)
    writer.fill("#id_title", title)
    writer.fill("#id_intro", "Les collectivités partenaires se sont réunies.")
    colour = (20, 110 + int(time.time()) % 100, 60)  # a new picture each run (duplicates are refused)
    upload_a_cover(writer, alt_text, colour, screenshot=artifacts_dir / "editeur-onglet-transferer-1280.png")
    write_the_body(writer, "Le compte rendu de la rencontre, écrit par la rédaction.")
    submit(writer, r"^Soumettre à ")

    narrow = new_page(width=375)
    log_in(narrow, "redacteur")
    start_an_actualite(narrow)
    open_the_upload_tab(narrow)
    narrow.screenshot(path=artifacts_dir / "editeur-onglet-transferer-375.png")

    moderator = new_page(width=1280)
    log_in(moderator, "moderateur")
    ask_for_changes(moderator, title, COMMENT)

    writer.goto("/admin/")
    moderation = writer.locator("#cuf-my-pages-in-moderation-section")
    expect(moderation).to_contain_text(title)
    expect(moderation).to_contain_text("Modifications demandées")
    expect(moderation).to_contain_text(f"« {COMMENT} »")
    writer.screenshot(path=artifacts_dir / "tableau-de-bord-1280.png", full_page=True)
    narrow.goto("/admin/")
    expect(narrow.locator("#cuf-my-pages-in-moderation-section")).to_contain_text(COMMENT)
    narrow.screenshot(path=artifacts_dir / "tableau-de-bord-375.png", full_page=True)

    moderation.get_by_role("link", name=title).click()
    writer.wait_for_url(re.compile(r"/admin/pages/\d+/edit/$"))
    writer.fill("#id_intro", "Les collectivités partenaires se sont réunies le 12 mars à Lyon.")
    submit(writer, r"^Resoumettre à ")

    moderator.goto("/admin/")
    approve(moderator, title)

    visitor = new_page(width=1280)
    visitor.goto("/actualites/")
    visitor.get_by_role("link", name=title).first.click()
    expect(visitor.locator("h1")).to_have_text(title)
    expect(visitor.locator("main")).to_contain_text("le 12 mars à Lyon")
    picture = visitor.locator("main picture").filter(has=visitor.locator(f'img[alt="{alt_text}"]')).first
    expect(picture).to_be_visible()
    assert picture.locator("source[type='image/avif']").count() + picture.locator("source[type='image/webp']").count()


def test_a_footer_link_added_by_a_moderator_shows_on_every_page(new_page, artifacts_dir):
    label = f"Nos partenaires {int(time.time()) % 10_000}"
    before = new_page(width=1280)
    for path in ("/", "/agenda/"):
        before.goto(path)  # cached by the server's page cache
        expect(before.locator("footer")).not_to_contain_text(label)

    moderator = new_page(width=1280)
    log_in(moderator, "moderateur")
    moderator.get_by_role("button", name="Paramètres").click()
    moderator.get_by_role("link", name="Menus et pied de page").click()
    footer_links = moderator.locator("[data-contentpath='footer_links']")
    footer_links.get_by_role("button", name="Insérer un bloc").last.click()
    footer_links.locator("input[name$='-value-url']").last.fill("/collectivites/")
    footer_links.locator("input[name$='-value-label']").last.fill(label)
    moderator.get_by_role("button", name="Enregistrer").click()
    expect(moderator.locator(".messages")).to_contain_text("mis à jour")

    for width in WIDTHS:
        visitor = new_page(width=width)  # a new browser: nothing kept from the visit above
        for path in ("/", "/agenda/", "/qui-sommes-nous/", "/pays/"):
            visitor.goto(path)
            link = visitor.get_by_role("navigation", name="Informations sur le site").get_by_role("link", name=label)
            expect(link).to_have_attribute("href", "/collectivites/")
        expect(visitor.locator("footer")).to_contain_text("Accessibilité : partiellement conforme")
        visitor.locator("footer").screenshot(path=artifacts_dir / f"pied-de-page-{width}.png")
