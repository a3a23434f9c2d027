"""wagtailmedia's French catalog leaves some admin strings empty (the dashboard summary "Media files", the
search results count…): the project's own catalog (locale/fr, LOCALE_PATHS) translates them."""

import gettext
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.base import ContentFile
from django.test import Client
from wagtail.models import Collection
from wagtailmedia.models import get_media_model

from tests.editorial.conftest import make_user

pytestmark = pytest.mark.django_db

CATALOG = Path(settings.BASE_DIR) / "locale" / "fr" / "LC_MESSAGES"


def add_audio(title, owner=None):
    return get_media_model().objects.create(
        title=title,
        type="audio",
        file=ContentFile(b"ID3" + title.encode(), name="son.mp3"),
        collection=Collection.get_first_root_node(),
        uploaded_by_user=owner,
    )


def site_summary(client):
    response = client.get("/admin/")
    assert response.status_code == 200
    html = response.content.decode()
    return re.sub(r"\s+", " ", html[html.index('class="w-summary"') :][:3000])


def logged_in(user):
    client = Client()
    client.force_login(user)
    return client


def test_the_dashboard_counts_audio_and_video_files_in_french():
    writer = make_user("redacteur", "Rédacteurs")
    moderator = make_user("moderateur", "Modérateurs")
    add_audio("Podcast : la diplomatie des villes", owner=writer)
    add_audio("Entretien avec une maire", owner=moderator)

    summary = site_summary(logged_in(moderator))
    assert "<span>2</span> Fichiers audio et vidéo" in summary
    assert "créés dans" in summary
    assert "Media file" not in summary

    summary = site_summary(logged_in(writer))  # a Rédacteur counts the files they may edit: their own
    assert "<span>1</span> Fichier audio ou vidéo" in summary
    assert "Media file" not in summary


def test_a_search_in_the_media_library_says_how_many_files_match_in_french():
    moderator = make_user("moderateur", "Modérateurs")
    add_audio("Podcast : la diplomatie des villes")
    add_audio("Podcast : les jumelages")

    response = logged_in(moderator).get("/admin/media/", {"q": "Podcast"})
    html = re.sub(r"\s+", " ", response.content.decode())
    assert "2 résultats" in html
    assert "There are" not in html


def po_entries(text):
    """(msgid, msgid_plural or None, [msgstr…]) of a .po file, enough for the project's own small catalog."""
    entries = []
    for block in text.split("\n\n"):
        fields = {}
        key = None
        for line in block.splitlines():
            if line.startswith("#"):
                continue
            match = re.match(r'^(msgid_plural|msgid|msgstr(?:\[\d\])?) "(.*)"$', line)
            if match:
                key = match.group(1)
                fields[key] = match.group(2)
            elif line.startswith('"') and key:
                fields[key] += line[1:-1]
        if fields.get("msgid"):
            unescape = lambda value: value.encode().decode("unicode_escape").encode("latin-1").decode()  # noqa: E731
            strings = [unescape(v) for k, v in sorted(fields.items()) if k.startswith("msgstr")]
            plural = unescape(fields["msgid_plural"]) if "msgid_plural" in fields else None
            entries.append((unescape(fields["msgid"]), plural, strings))
    return entries


def test_the_compiled_catalog_is_the_po_file():
    """django.mo is committed: it must say what django.po says (`make messages` after editing the .po)."""
    entries = po_entries((CATALOG / "django.po").read_text(encoding="utf-8"))
    assert entries
    with open(CATALOG / "django.mo", "rb") as compiled:
        catalog = gettext.GNUTranslations(compiled)
    for msgid, plural, strings in entries:
        if plural is None:
            assert catalog.gettext(msgid) == strings[0], msgid
        else:
            assert [catalog.ngettext(msgid, plural, n) for n in (1, 2)] == strings, msgid
