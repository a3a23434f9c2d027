"""The resource centre: tiles per kind, players with captions, click-to-load embeds, documents with size."""

import datetime
import re

import pytest
from django.core.files.base import ContentFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.documents import get_document_model
from wagtail.embeds.embeds import get_embed_hash
from wagtail.embeds.models import Embed
from wagtailmedia.models import get_media_model

from resources.choices import ResourceKind
from resources.models import ResourceGalleryImage
from tests.factories import ImageFactory, ResourcePageFactory

pytestmark = pytest.mark.django_db

YOUTUBE_URL = "https://www.youtube.com/watch?v=abc123XYZ"


def text_of(html):
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def store_embed(url, html, title="Assemblée générale", provider="YouTube"):
    """What Wagtail's oEmbed finder would store; tests never call the provider."""
    return Embed.objects.create(
        url=url,
        hash=get_embed_hash(url),
        type="video",
        html=html,
        title=title,
        provider_name=provider,
        width=480,
        height=270,
    )


def make_document(title="Rapport annuel", size=2_400_000):
    document = get_document_model()(title=title)
    document.file.save("rapport.pdf", ContentFile(b"%PDF-1.4\n" + b"x" * (size - 9)), save=False)
    document._set_document_file_metadata()
    document.save()
    return document


def make_media(media_type="video", captions=True, thumbnail=True):
    media = get_media_model()(title="Entretien", type=media_type, duration=754.0, credit="CUF")
    media.file.save("clip.mp4" if media_type == "video" else "son.mp3", ContentFile(b"\x00" * 100), save=False)
    if captions:
        media.captions.save("fr.vtt", ContentFile(b"WEBVTT\n\n00:00.000 --> 00:01.000\nBonjour\n"), save=False)
    if thumbnail:
        media.thumbnail.save("affiche.jpg", ContentFile(b"\xff\xd8\xff"), save=False)
    media.save()
    return media


@pytest.fixture
def centre(site_tree):
    return site_tree["resources"]


def test_tiles_show_duration_photos_and_document_format_and_size(client, centre):
    ResourcePageFactory(parent=centre, title="Podcast", kind=ResourceKind.SON, duration=datetime.timedelta(minutes=12))
    ResourcePageFactory(parent=centre, title="Clip", kind=ResourceKind.VIDEO, media=make_media())
    gallery = ResourcePageFactory(parent=centre, title="Mission au Liban", kind=ResourceKind.PHOTO)
    for _ in range(3):
        ResourceGalleryImage.objects.create(page=gallery, image=ImageFactory())
    ResourcePageFactory(parent=centre, title="Guide", kind=ResourceKind.TEXTE, document=make_document())

    text = text_of(client.get(centre.url).content.decode())
    assert "Podcast Durée : 12 min" in text
    assert "Clip Durée : 12 min 34 s" in text
    assert "Mission au Liban 3 photos" in text
    assert "Guide PDF – 2,4 Mo" in text


def test_filter_by_type_keeps_only_that_kind(client, centre):
    ResourcePageFactory(parent=centre, title="Podcast du réseau", kind=ResourceKind.SON)
    ResourcePageFactory(parent=centre, title="Guide pratique", kind=ResourceKind.TEXTE)
    text = text_of(client.get(f"{centre.url}?type=son").content.decode())
    assert "Podcast du réseau" in text and "Guide pratique" not in text
    bad = client.get(f"{centre.url}?type=<script>")
    assert bad.status_code == 200 and "<script>" not in bad.content.decode().split('id="contenu"', 1)[-1]


def test_resource_listing_queries_do_not_grow_with_resources(client, centre, django_assert_max_num_queries):
    def add(n, start=0):
        for i in range(start, start + n):
            page = ResourcePageFactory(parent=centre, kind=ResourceKind.PHOTO, title=f"Galerie {i}")
            ResourceGalleryImage.objects.create(page=page, image=ImageFactory())
            ResourcePageFactory(parent=centre, kind=ResourceKind.TEXTE, document=make_document(f"Doc {i}"))

    add(2)
    client.get(centre.url)
    with CaptureQueriesContext(connection) as few:
        client.get(centre.url)
    baseline = len(few.captured_queries)  # read now: each request resets the connection's query log
    add(4, start=2)
    client.get(centre.url)
    with django_assert_max_num_queries(baseline):
        body = client.get(centre.url).content.decode()
    assert body.count("card--resource") == 12
    assert baseline <= 20  # pinned


def test_video_page_has_native_player_captions_poster_duration_and_transcript(client, centre):
    page = ResourcePageFactory(
        parent=centre,
        title="Entretien vidéo",
        kind=ResourceKind.VIDEO,
        media=make_media(),
        transcript="Bonjour à tous.",
    )
    body = client.get(page.url).content.decode()
    assert "<video controls" in body and 'poster="' in body
    assert re.search(r'<track kind="captions" src="[^"]+\.vtt" srclang="fr" label="Français" default>', body)
    assert "durée : 12 min 34 s" in text_of(body)
    assert "Transcription" in body and "Bonjour à tous." in body


def test_audio_page_has_native_audio_player(client, centre):
    page = ResourcePageFactory(parent=centre, title="Podcast", kind=ResourceKind.SON, media=make_media("audio"))
    body = client.get(page.url).content.decode()
    assert "<audio controls" in body and 'srclang="fr"' in body and "<video" not in body


def test_text_resource_shows_document_title_format_and_size(client, centre):
    page = ResourcePageFactory(parent=centre, title="Guide", kind=ResourceKind.TEXTE, document=make_document())
    text = text_of(client.get(page.url).content.decode())
    assert "Télécharger « Rapport annuel » (PDF – 2,4 Mo)" in text


def test_youtube_embed_loads_nothing_from_youtube_before_a_click(client, centre):
    store_embed(
        YOUTUBE_URL,
        '<iframe width="480" height="270" src="https://www.youtube.com/embed/abc123XYZ?feature=oembed"></iframe>',
    )
    page = ResourcePageFactory(parent=centre, title="Vidéo en ligne", kind=ResourceKind.VIDEO, embed_url=YOUTUBE_URL)
    body = client.get(page.url).content.decode()
    main = body.split('id="contenu"', 1)[1]
    outside_template = re.sub(r"<template.*?</template>", "", main, flags=re.S)
    assert "<iframe" not in outside_template and "youtube" not in re.sub(r'href="[^"]+"', "", outside_template)
    template = re.search(r"<template data-embed-player>(.*?)</template>", main, re.S).group(1)
    assert 'src="https://www.youtube-nocookie.com/embed/abc123XYZ?feature=oembed&amp;rel=0"' in template
    assert "Lancer la vidéo" in main and "/static/js/embed-consent.js" in main
    assert "<script>" not in main


def test_vimeo_and_soundcloud_use_their_private_players(client, centre):
    vimeo = "https://vimeo.com/76979871"
    store_embed(vimeo, '<iframe src="https://player.vimeo.com/video/76979871?app_id=1"></iframe>', provider="Vimeo")
    sound = "https://soundcloud.com/cuf/podcast"
    store_embed(
        sound, '<iframe src="https://w.soundcloud.com/player/?url=x&amp;visual=true"></iframe>', provider="SoundCloud"
    )
    body = client.get(ResourcePageFactory(parent=centre, embed_url=vimeo, kind="video").url).content.decode()
    assert "player.vimeo.com/video/76979871?app_id=1&amp;dnt=1" in body
    body = client.get(ResourcePageFactory(parent=centre, embed_url=sound, kind="son").url).content.decode()
    assert "embed--audio" in body and "Écouter" in body


def test_unknown_provider_or_unresolved_embed_shows_a_plain_link_without_calling_the_provider(
    client, centre, monkeypatch
):
    from wagtail.embeds import embeds

    def no_network(*args, **kwargs):
        raise AssertionError("a visitor request must not call the provider")

    monkeypatch.setattr(embeds, "get_finder_for_embed", no_network)
    evil = "https://evil.example/video"
    store_embed(evil, '<iframe src="https://evil.example/player"></iframe>', provider="Evil")
    body = client.get(ResourcePageFactory(parent=centre, embed_url=evil, kind="video").url).content.decode()
    assert "evil.example/player" not in body and 'href="https://evil.example/video"' in body

    unknown = "https://www.youtube.com/watch?v=notyetfetched"
    response = client.get(ResourcePageFactory(parent=centre, embed_url=unknown, kind="video").url)
    assert response.status_code == 200 and f'href="{unknown}"' in response.content.decode()


def test_the_admin_form_refuses_an_embed_the_provider_does_not_know(monkeypatch):
    from wagtail.embeds import embeds
    from wagtail.embeds.exceptions import EmbedNotFoundException

    def not_found(*args, **kwargs):
        raise EmbedNotFoundException

    monkeypatch.setattr(embeds, "get_finder_for_embed", not_found)
    from django.core.exceptions import ValidationError

    from resources.models import ResourcePageForm

    form = ResourcePageForm.__new__(ResourcePageForm)  # the admin form's own check, without its panels
    form.cleaned_data = {"embed_url": "https://x.example/v"}
    with pytest.raises(ValidationError) as error:
        form.clean_embed_url()
    assert "n’a pas pu être intégrée" in " ".join(error.value.messages)
