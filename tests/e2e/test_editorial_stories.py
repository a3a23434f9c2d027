"""Whole editorial stories in the French admin, as the communication team lives them.

1. A rédacteur starts an actualité from the dashboard, uploads a new picture from the image chooser (the
   alternative text is required), writes the body, adds a PDF uploaded from the document chooser and a
   video, and submits; the moderator asks for changes with a comment; the rédacteur reads it on the
   dashboard, fixes the page and submits again; the moderator sets a go-live time a minute or two ahead
   ("Programmer" in the status panel) and approves; visitors do not see it until the scheduler's step
   after that time; then they read it with its picture as AVIF or WebP, the PDF, and the video behind a
   click-to-load notice (nothing requested from another site).
2. A rédacteur creates an event from the dashboard with its start and end; the moderator approves; a
   visitor finds it in the agenda.
3. The dashboard's summary names audio and video files in French (wagtailmedia leaves it in English).
4. A rédacteur uploads a sound with its WebVTT captions in the media library and makes a "son" resource
   of it; the moderator approves; the visitor's page plays it with the captions track, which is served.
5. A moderator adds a link to the footer (Paramètres → Menus et pied de page); a visitor sees it on every
   page at once (the page cache is purged).

Screenshots at 375 and 1280 px go to artifacts/e2e/: the dashboard with the reviewer's comment, the editor
with the upload tab of the image chooser, the scheduled actualité's status, the event, the dashboard's
summary, the sound resource, the footer. Admin steps: tests/e2e/editor.py.
"""

import datetime
import io
import re
import time
import zoneinfo
from urllib.parse import unquote

import pytest
from PIL import Image
from playwright.sync_api import expect

from tests.e2e import editor
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
    draftail = body.locator("[contenteditable='true']").first
    draftail.click()
    expect(draftail).to_be_focused()
    draftail.press_sequentially(text)
    page.locator("#id_intro").click()  # leaving the editor commits its content to the form field
    expect(body.locator("input[type='hidden'][name$='-value']").first).to_have_value(re.compile(text[:20]))


def submit(page, button_name):
    page.get_by_role("button", name="Plus d'actions").click()
    page.get_by_role("button", name=re.compile(button_name)).click()
    page.wait_for_url(re.compile(r"/admin/pages/\d+/(edit/)?$"))
    expect(page.locator(".messages")).to_contain_text("soumise pour modération")


def submitted_then_approved(new_page, writer, title):
    """The rédacteur submits the page, the modérateur approves it in his own browser; returns a visitor's."""
    submit(writer, r"^Soumettre à ")
    moderator = new_page(width=1280)
    log_in(moderator, "moderateur")
    approve(moderator, title)
    return new_page(width=1280)


def ask_for_changes(page, title, comment):
    row = awaiting_review(page, title)
    row.get_by_role("button", name="Actions").click()
    row.get_by_role("button", name="Demander des modifications").click()
    dialog = page.get_by_role("dialog")
    dialog.locator("textarea").fill(comment)
    dialog.get_by_role("button", name="Demander des modifications").click()
    expect(awaiting_review(page, title)).to_have_count(0, timeout=30_000)


def test_an_actualite_from_dashboard_to_visitor_scheduled_with_picture_document_and_video(
    new_page, artifacts_dir, server_env, live_url
):
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
    document_title = f"Compte rendu de la rencontre {int(time.time())}"
    editor.add_a_document_block(writer, document_title, "compte-rendu.pdf")
    editor.store_video_answer(server_env)
    editor.add_a_video_block(writer, "La rencontre en vidéo")
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

    # The moderator schedules the approved version a minute or two ahead, then approves it.
    moderator.goto("/admin/")
    awaiting_review(moderator, title).get_by_role("link", name=title).first.click()
    moderator.wait_for_url(re.compile(r"/admin/pages/\d+/edit/$"))
    go_live = editor.next_minute_after(seconds=40)
    editor.set_go_live(moderator, go_live)
    moderator.wait_for_timeout(400)  # the side panel slides in (screenshots only)
    screenshots(moderator, artifacts_dir, "editeur-programmation")
    moderator.goto("/admin/")
    approve(moderator, title)
    path = editor.url_path_of(server_env, title)

    early = new_page(width=1280)
    assert early.goto(path).status == 404, "a page scheduled for later is not public yet"
    early.goto("/actualites/")
    expect(early.get_by_role("link", name=title)).to_have_count(0)
    editor.run_scheduler_step(server_env)  # before the go-live time: nothing to publish
    assert new_page(width=1280).goto(path).status == 404, "the scheduler does not publish before the go-live time"

    editor.wait_until(go_live)
    editor.run_scheduler_step(server_env)
    visitor = new_page(width=1280)
    foreign = []
    visitor.on("request", lambda request: foreign.append(request.url) if not request.url.startswith(live_url) else None)
    visitor.route(re.compile(r"^(?!" + re.escape(live_url) + ")"), lambda route: route.abort())
    visitor.goto("/actualites/")
    visitor.get_by_role("link", name=title).first.click()
    expect(visitor.locator("h1")).to_have_text(title)
    assert unquote(visitor.url) == live_url + path, "the page refused before its go-live time is this one"
    expect(visitor.locator("main")).to_contain_text("le 12 mars à Lyon")
    picture = visitor.locator("main picture").filter(has=visitor.locator(f'img[alt="{alt_text}"]')).first
    expect(picture).to_be_visible()
    assert picture.locator("source[type='image/avif']").count() + picture.locator("source[type='image/webp']").count()
    expect(picture.locator("img")).to_have_js_property("complete", True)
    chosen = picture.locator("img").evaluate("img => img.currentSrc")
    assert visitor.request.get(chosen).headers["content-type"] in ("image/avif", "image/webp"), chosen

    document_link = visitor.locator("main .download__link", has_text=document_title)
    expect(visitor.locator("main .download", has_text=document_title)).to_contain_text("(PDF")
    served = visitor.request.get(document_link.get_attribute("href"))
    assert served.ok and served.headers["content-type"] == "application/pdf"
    assert served.body().startswith(b"%PDF-")

    player = visitor.locator("main [data-embed-consent]")
    expect(player).to_contain_text("Ce contenu est hébergé par YouTube")
    expect(player.locator("iframe")).to_have_count(0)
    assert foreign == [], f"the page asked another site: {foreign}"
    player.get_by_role("button", name=re.compile("Lancer la vidéo")).click()
    expect(player.locator("iframe")).to_have_attribute("src", re.compile(r"^https://www\.youtube-nocookie\.com/embed/"))


def screenshots(page, artifacts_dir, name, full_page=False):
    """The page as it is, at 375 then 1280 px."""
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 900})
        page.screenshot(path=artifacts_dir / f"{name}-{width}.png", full_page=full_page)


def test_an_event_from_dashboard_to_the_agenda(new_page, artifacts_dir):
    title = f"Assises régionales de la coopération {int(time.time())}"
    day = datetime.datetime.now(zoneinfo.ZoneInfo("Europe/Paris")).date() + datetime.timedelta(days=1)

    writer = new_page(width=1280)
    log_in(writer, "redacteur")
    writer.get_by_role("link", name="Nouvel événement").click()
    writer.wait_for_url(re.compile(r"/admin/pages/add/events/eventpage/\d+/$"))
    writer.fill("#id_title", title)
    writer.fill("#id_start", f"{day:%d/%m/%Y} 09:30")
    writer.locator("#id_start").press("Tab")
    writer.fill("#id_end", f"{day:%d/%m/%Y} 17:00")
    writer.locator("#id_end").press("Tab")
    writer.fill("#id_city", "Lyon")
    writer.fill("#id_intro", "Une journée d’ateliers entre collectivités partenaires.")
    visitor = submitted_then_approved(new_page, writer, title)
    visitor.goto("/agenda/")
    card = visitor.locator("main article, main li").filter(has=visitor.get_by_role("link", name=title)).last
    expect(card).to_contain_text("Lyon")
    expect(card.locator(f"time[datetime^='{day:%Y-%m-%d}']").first).to_be_attached()
    card.get_by_role("link", name=title).click()
    expect(visitor.locator("h1")).to_have_text(title)
    expect(visitor.locator(f"main time[datetime^='{day:%Y-%m-%dT09:30}']").first).to_be_attached()
    screenshots(visitor, artifacts_dir, "evenement-publie", full_page=True)


def test_a_sound_with_its_captions_from_the_media_library_to_a_resource(new_page, artifacts_dir):
    stamp = int(time.time())
    title = f"Podcast : les jumelages, épisode {stamp}"
    media_title = f"Les jumelages, épisode {stamp}"

    writer = new_page(width=1280)
    log_in(writer, "redacteur")
    writer.goto("/admin/media/")
    writer.get_by_role("link", name="Ajouter un son").click()
    writer.fill("#id_title", media_title)
    writer.set_input_files(
        "#id_file", files=[{"name": "jumelages.mp3", "mimeType": "audio/mpeg", "buffer": editor.mp3(media_title)}]
    )
    writer.set_input_files(
        "#id_captions",
        files=[{"name": "jumelages.vtt", "mimeType": "text/vtt", "buffer": editor.CAPTIONS.encode()}],
    )
    writer.fill("#id_transcript", "Bonjour, ici Cités Unies France. Bonne écoute.")
    writer.locator("main form").get_by_role("button", name="Transférer").click()
    expect(writer.locator(".messages")).to_contain_text(media_title)

    writer.goto("/admin/")
    writer.get_by_role("link", name="Nouvelle ressource").click()
    writer.wait_for_url(re.compile(r"/admin/pages/add/resources/resourcepage/\d+/$"))
    writer.fill("#id_title", title)
    writer.select_option("#id_kind", label="Son")
    writer.fill("#id_date", datetime.datetime.now(zoneinfo.ZoneInfo("Europe/Paris")).strftime("%d/%m/%Y"))
    writer.locator("#id_date").press("Tab")
    writer.fill("#id_intro", "Deux élus racontent leur jumelage.")
    writer.select_option("#id_media", label=media_title)
    visitor = submitted_then_approved(new_page, writer, title)
    visitor.goto("/centre-de-ressources/?type=son")
    visitor.get_by_role("link", name=title).first.click()
    expect(visitor.locator("h1")).to_have_text(title)
    audio = visitor.locator("main audio")
    track = audio.locator("track[kind='captions']")
    expect(track).to_have_attribute("srclang", "fr")
    expect(track).to_have_attribute("src", re.compile(r"\.vtt$"))
    captions = visitor.request.get(track.get_attribute("src"))
    assert captions.ok and captions.text().startswith("WEBVTT")
    assert "Bonjour, ici Cités Unies France." in captions.text()
    # The browser reads the sound itself: its length comes from the uploaded file.
    visitor.wait_for_function("document.querySelector('main audio').readyState >= 1")
    assert 1.5 < audio.evaluate("audio => audio.duration") < 3
    expect(visitor.locator("main details.transcript")).to_contain_text("Bonne écoute.")
    screenshots(visitor, artifacts_dir, "ressource-son", full_page=True)


def test_the_dashboard_names_audio_and_video_files_in_french(new_page, artifacts_dir):
    writer = new_page(width=1280)
    log_in(writer, "redacteur")
    summary = writer.locator(".w-summary")
    link = summary.get_by_role("link", name=re.compile(r"^\d+ Fichiers? audio (ou|et) vidéo"))
    expect(link).to_have_attribute("href", "/admin/media/")
    expect(summary).not_to_contain_text("Media file")
    screenshots(writer, artifacts_dir, "tableau-de-bord-sommaire")


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
