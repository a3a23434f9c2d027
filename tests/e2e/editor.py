"""What editors do in the admin, and what the suite prepares around them, for tests/e2e/test_editorial_stories.py.

Files are made here (a PDF, a short MP3, WebVTT captions): the browser uploads them as an editor would.
"""

import contextlib
import datetime
import re
import sqlite3
import struct
import time
import zoneinfo

from playwright.sync_api import expect

from tests.e2e import demo_db

PARIS = zoneinfo.ZoneInfo("Europe/Paris")
# A public video whose oEmbed answer is stored before the story (no internet here): Wagtail's EmbedBlock asks
# its Embed table first, as it would after any editor's first save of this address.
VIDEO_URL = "https://www.youtube.com/watch?v=aqz-KE-bpKQ"
VIDEO_ANSWER = (
    '<iframe width="480" height="270" src="https://www.youtube.com/embed/aqz-KE-bpKQ?feature=oembed" '
    'frameborder="0" allowfullscreen title="Big Buck Bunny"></iframe>'
)


def pdf(title):
    """A one-page PDF whose text is `title` (each run's title differs: duplicates are refused)."""
    text = title.encode("latin-1", "replace")
    stream = b"BT /F1 18 Tf 72 720 Td (" + text + b") Tj ET"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 5 0 R >> >> "
        b"/Contents 4 0 R >>",
        b"<< /Length " + str(len(stream)).encode() + b" >>\nstream\n" + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = b"%PDF-1.4\n"
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{offset:010d} 00000 n \n".encode() for offset in offsets)
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return out


def mp3(title, seconds=2):
    """A short silent MP3 (MPEG-1 Layer III, 128 kb/s, 44.1 kHz, mono) with an ID3 title.

    The site accepts mp3, ogg and m4a (WAGTAILMEDIA["AUDIO_EXTENSIONS"]); a frame whose side information is
    all zeros decodes to silence. The title makes each run's file different (duplicates are refused).
    """
    text = b"\x03" + title.encode()
    frame = b"TIT2" + struct.pack(">I", len(text)) + b"\x00\x00" + text
    size = len(frame)
    tag = b"ID3\x03\x00\x00" + bytes([(size >> 21) & 0x7F, (size >> 14) & 0x7F, (size >> 7) & 0x7F, size & 0x7F])
    header = bytes([0xFF, 0xFB, 0x90, 0xC4])
    frame_length = 144 * 128_000 // 44_100  # 417 bytes, no padding
    frames = round(seconds * 44_100 / 1152)
    return tag + frame + (header + bytes(frame_length - 4)) * frames


CAPTIONS = (
    "WEBVTT\n\n"
    "00:00:00.000 --> 00:00:01.000\nBonjour, ici Cités Unies France.\n\n"
    "00:00:01.000 --> 00:00:02.000\nBonne écoute.\n"
)


def store_video_answer(server_env):
    code = (
        "from wagtail.embeds.embeds import get_embed_hash\n"
        "from wagtail.embeds.models import Embed\n"
        f"Embed.objects.update_or_create(hash=get_embed_hash({VIDEO_URL!r}), defaults=dict(url={VIDEO_URL!r}, "
        f"type='video', html={VIDEO_ANSWER!r}, title='Big Buck Bunny', provider_name='YouTube', "
        "thumbnail_url='', width=480, height=270))\n"
    )
    demo_db.manage(server_env, "shell", "-v", "0", "-c", code)


def run_scheduler_step(server_env):
    """One step of the scheduler the site runs next to gunicorn (`manage.py run_scheduler --once`)."""
    demo_db.manage(server_env, "run_scheduler", "--once")


def add_block(page, block_label):
    body = page.locator("[data-contentpath='body']")
    body.get_by_role("button", name="Insérer un bloc").last.click()
    page.get_by_role("option", name=block_label, exact=True).click()
    return body.locator("[data-streamfield-child]").last


def add_a_document_block(page, title, file_name):
    """A "Document à télécharger" block whose PDF the rédacteur uploads from the document chooser."""
    block = add_block(page, "Document à télécharger")
    block.get_by_role("button", name="Choisir un document").click()
    dialog = page.get_by_role("dialog")
    dialog.get_by_role("tab", name="Transférer").click()
    page.set_input_files(
        "#id_document-chooser-upload-file",
        files=[{"name": file_name, "mimeType": "application/pdf", "buffer": pdf(title)}],
    )
    page.fill("#id_document-chooser-upload-title", title)
    dialog.locator("form[action*='chooser/create']").get_by_role("button", name="Transférer").click()
    expect(page.get_by_role("dialog")).to_have_count(0)
    expect(block).to_contain_text(title)
    return block


def add_a_video_block(page, title):
    block = add_block(page, "Vidéo ou son intégré")
    block.locator("input[name$='-value-url']").fill(VIDEO_URL)
    block.locator("input[name$='-value-title']").fill(title)
    return block


def next_minute_after(seconds):
    """The first whole minute at least `seconds` from now, in Paris (the admin's fields have no seconds)."""
    moment = datetime.datetime.now(PARIS) + datetime.timedelta(seconds=seconds)
    return moment.replace(second=0, microsecond=0) + datetime.timedelta(minutes=1)


def open_the_status_panel(page):
    """Open the editor's status side panel (the admin remembers the panel last opened: it may be open)."""
    page.wait_for_load_state("load")  # the toggle works once the admin's scripts run
    toggle = page.get_by_role("button", name="Afficher/masquer le statut")
    for _ in range(3):
        if toggle.get_attribute("aria-expanded") == "true":
            break
        toggle.click()
        with contextlib.suppress(AssertionError):
            expect(toggle).to_have_attribute("aria-expanded", "true", timeout=3_000)
    expect(toggle).to_have_attribute("aria-expanded", "true")
    panel = page.locator("[data-side-panel='status']")
    expect(panel).to_be_visible()
    return panel


def set_go_live(page, go_live):
    """The status side panel's "Programmer", a go-live date and time, "Enregistrer la programmation"."""
    open_the_status_panel(page)
    page.get_by_role("button", name="Programmer").click()
    dialog = page.locator("#schedule-publishing-dialog")
    dialog.locator("input[name='go_live_at']").fill(go_live.strftime("%d/%m/%Y %H:%M"))
    picker = page.locator(".xdsoft_datetimepicker:visible")
    expect(picker).to_have_count(1)  # the date picker opens on focus, over the dialog's button
    dialog.get_by_role("heading", name="Définir la programmation de publication").click()  # closes it
    expect(picker).to_have_count(0)
    dialog.get_by_role("button", name="Enregistrer la programmation").click()
    expect(page.locator(".messages")).to_contain_text("a été mise à jour")
    status = open_the_status_panel(page)
    expect(status).to_contain_text("Publication :")
    expect(status).to_contain_text(go_live.strftime("%H:%M"))


def wait_until(moment):
    delay = (moment - datetime.datetime.now(PARIS)).total_seconds()
    if delay > 0:
        time.sleep(delay + 1)


def url_path_of(server_env, title):
    """The public path of the page titled `title` (Wagtail's url_path without the site root's segment)."""
    with sqlite3.connect(server_env["E2E_DB_PATH"]) as db:
        (url_path,) = db.execute("SELECT url_path FROM wagtailcore_page WHERE title = ?", (title,)).fetchone()
    return re.sub(r"^/[^/]+", "", url_path)
