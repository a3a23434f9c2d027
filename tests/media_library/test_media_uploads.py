"""Uploading audio and video through wagtailmedia's real admin view, with poster and WebVTT captions."""

import re

import pytest
from django.test import override_settings
from wagtailmedia.models import get_media_model

from tests.media_library.conftest import jpeg_bytes, upload

pytestmark = pytest.mark.django_db

Media = get_media_model()
MP3 = b"ID3\x04\x00\x00\x00\x00\x00\x00" + b"\xff\xfb\x90\x00" * 500
MP4 = b"\x00\x00\x00\x18ftypmp42\x00\x00\x00\x00mp42isom" + b"\x00" * 2000
VTT = "WEBVTT\n\n00:00:00.000 --> 00:00:04.000\nBienvenue à l’assemblée générale.\n".encode()
EXE = b"MZ\x90\x00" + b"\x00" * 500


def post_media(client, root_collection, media_type, file, **extra):
    data = {
        "title": "Entretien",
        "collection": root_collection.pk,
        "file": file,
        "duration": "125",
        "credit": "CUF",
        "transcript": "Bonjour et bienvenue.",
        **extra,
    }
    return client.post(f"/admin/media/{media_type}/add/", data)


def form_errors(response):
    assert response.status_code == 200, response.status_code
    html = response.content.decode()
    return " ".join(re.sub(r"<[^>]+>", " ", m) for m in re.findall(r'<p class="error-message">(.*?)</p>', html, re.S))


def test_audio_with_captions_transcript_and_credit_is_stored(editor, root_collection):
    response = post_media(
        editor, root_collection, "audio", upload("Entretien élu.mp3", MP3), captions=upload("fr.vtt", VTT)
    )
    assert response.status_code == 302
    media = Media.objects.get()
    assert media.type == "audio" and media.file.name.endswith("Entretien-elu.mp3")
    assert media.captions.name.endswith(".vtt") and media.transcript == "Bonjour et bienvenue."
    assert media.file_hash


def test_video_with_a_poster_is_stored(editor, root_collection):
    response = post_media(
        editor, root_collection, "video", upload("clip.mp4", MP4), thumbnail=upload("affiche.jpg", jpeg_bytes())
    )
    assert response.status_code == 302
    assert Media.objects.get().thumbnail.name.endswith("affiche.jpg")


@pytest.mark.parametrize(
    ("media_type", "name", "content", "extra", "message"),
    [
        ("audio", "son.mp3", EXE, {}, "programme exécutable"),
        ("audio", "son.mp3", MP4, {}, "ne correspond pas à son extension .mp3"),
        ("video", "clip.mp4", b"<html><script>x</script></html>", {}, "ne correspond pas à son extension .mp4"),
        ("video", "son.mp3", MP3, {}, "n’est pas accepté"),
        ("audio", "vide.mp3", b"", {}, "vide"),
        ("audio", "son.mp3", MP3, {"captions": upload("fr.srt", b"1\n00:00:00,000 --> 00:00:01,000\nx")}, "WebVTT"),
        ("audio", "son.mp3", MP3, {"captions": upload("fr.vtt", b"Bonjour")}, "première ligne"),
        (
            "audio",
            "son.mp3",
            MP3,
            {"captions": upload("fr.vtt", b"WEBVTT\n\n00:00.000 --> 00:01.000\n<script>alert(1)</script>")},
            "code HTML",
        ),
        ("video", "clip.mp4", MP4, {"thumbnail": upload("affiche.jpg", b"<svg onload=x>")}, "endommagée"),
        ("video", "clip.mp4", MP4, {"thumbnail": upload("affiche.svg", b"<svg/>")}, "JPEG, PNG ou WebP"),
    ],
)
def test_bad_media_files_get_a_french_error_and_nothing_is_stored(
    editor, root_collection, media_type, name, content, extra, message
):
    response = post_media(editor, root_collection, media_type, upload(name, content), **extra)
    assert message in form_errors(response)
    assert not Media.objects.exists()


@override_settings(CUF_MEDIA_MAX_UPLOAD_SIZE=1000)
def test_media_over_the_size_limit_is_refused(editor, root_collection):
    response = post_media(editor, root_collection, "audio", upload("long.mp3", MP3))
    assert "trop volumineux" in form_errors(response)
    assert not Media.objects.exists()


def test_the_same_media_uploaded_twice_is_detected(editor, root_collection):
    assert post_media(editor, root_collection, "audio", upload("a.mp3", MP3), title="Premier").status_code == 302
    response = post_media(editor, root_collection, "audio", upload("b.mp3", MP3), title="Second")
    assert "déjà été importé" in form_errors(response) and "Premier" in form_errors(response)
    assert Media.objects.count() == 1
