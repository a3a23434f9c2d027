"""Uploading images through the real admin view (/admin/images/add/): every bad file gets a French error."""

import re

import pytest
from django.test import override_settings
from PIL import Image as PILImage
from wagtail.images import get_image_model

from tests.media_library.conftest import jpeg_bytes, png_bytes, upload

pytestmark = pytest.mark.django_db

Image = get_image_model()
ADD_URL = "/admin/images/add/"
SVG_WITH_SCRIPT = (
    b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script><rect width="10" height="10"/></svg>'
)


def post_image(client, root_collection, file, **fields):
    data = {
        "title": "Une image",
        "description": "Des élus devant la mairie",
        "credit": "CUF",
        "collection": root_collection.pk,
        "file": file,
        **fields,
    }
    return client.post(ADD_URL, data)


def form_errors(response):
    assert response.status_code == 200, response.status_code
    html = response.content.decode()
    return " ".join(re.sub(r"<[^>]+>", " ", m) for m in re.findall(r'<p class="error-message">(.*?)</p>', html, re.S))


def test_a_valid_image_is_stored_with_alt_text_credit_and_a_safe_name(editor, root_collection):
    name = "C:\\Users\\moi\\Élus à la mairie – été 2025 " + "très long " * 30 + ".JPG"
    response = post_image(editor, root_collection, upload(name, jpeg_bytes(), "image/jpeg"))
    assert response.status_code == 302
    image = Image.objects.get()
    assert image.description == "Des élus devant la mairie" and image.credit == "CUF"
    stored = image.file.name.rsplit("/", 1)[-1]
    assert "\\" not in image.file.name and ".." not in image.file.name
    assert stored.startswith("Users-moi") is False and stored.startswith("Elus-a-la-mairie-ete-2025")
    assert stored.endswith(".jpg") and len(image.file.name) <= 100
    assert image.file_hash


def test_alt_text_is_required(editor, root_collection):
    response = post_image(editor, root_collection, upload("photo.jpg", jpeg_bytes()), description="")
    assert response.status_code == 200
    assert not Image.objects.exists()


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("page.jpg", b"<!DOCTYPE html><html><script>alert(1)</script></html>", "ne correspond pas à son extension"),
        ("dessin.jpg", SVG_WITH_SCRIPT, "ne correspond pas à son extension"),
        ("dessin.svg", SVG_WITH_SCRIPT, "format d’image n’est pas accepté"),
        ("photo.png", jpeg_bytes(), "ne correspond pas à son extension .png"),
        ("vide.jpg", b"", "Le fichier est vide"),
        ("coupee.jpg", jpeg_bytes(size=(400, 300))[:400], "incomplète ou endommagée"),
        ("programme.jpg", b"MZ\x90\x00" + b"\x00" * 200, "pas une image valide"),
    ],
)
def test_bad_image_files_get_a_french_error_and_nothing_is_stored(editor, root_collection, name, content, message):
    response = post_image(editor, root_collection, upload(name, content))
    assert message in form_errors(response)
    assert not Image.objects.exists()


@override_settings(WAGTAILIMAGES_MAX_UPLOAD_SIZE=1000)
def test_an_image_over_the_size_limit_is_refused(editor, root_collection):
    response = post_image(editor, root_collection, upload("grande.png", png_bytes(size=(300, 300), noise=True)))
    errors = form_errors(response)
    assert "Ce fichier est trop volumineux (" in errors
    assert "Taille maximale : 1 Ko" in errors
    assert not Image.objects.exists()


@override_settings(WAGTAILIMAGES_MAX_IMAGE_PIXELS=10_000)
def test_an_image_over_the_pixel_limit_is_refused(editor, root_collection):
    response = post_image(editor, root_collection, upload("immense.png", png_bytes(size=(200, 200))))
    assert "trop de pixels" in form_errors(response)
    assert not Image.objects.exists()


def test_a_decompression_bomb_is_refused_without_decoding_it(editor, root_collection, monkeypatch):
    monkeypatch.setattr(PILImage, "MAX_IMAGE_PIXELS", 1000)
    response = post_image(editor, root_collection, upload("bombe.png", png_bytes(size=(200, 200))))
    assert "trop de pixels" in form_errors(response)
    assert not Image.objects.exists()


def test_the_same_image_uploaded_twice_is_detected_as_a_duplicate(editor, root_collection):
    content = jpeg_bytes(colour=(10, 200, 10))
    assert post_image(editor, root_collection, upload("a.jpg", content), title="Première").status_code == 302
    response = post_image(editor, root_collection, upload("b.jpg", content), title="Seconde")
    assert "déjà été importé" in form_errors(response) and "Première" in form_errors(response)
    assert Image.objects.count() == 1


def test_a_bad_replacement_file_keeps_the_stored_image(editor, root_collection):
    assert post_image(editor, root_collection, upload("bon.jpg", jpeg_bytes())).status_code == 302
    image = Image.objects.get()
    original_name = image.file.name
    response = editor.post(
        f"/admin/images/{image.pk}/",
        {
            "title": "Une image",
            "description": "Des élus",
            "collection": root_collection.pk,
            "file": upload("faux.jpg", b"<html>pas une image</html>"),
        },
    )
    assert "ne correspond pas" in form_errors(response)
    image.refresh_from_db()
    assert image.file.name == original_name
    assert image.file.storage.exists(original_name)


def test_the_multiple_uploader_refuses_bad_files_too(editor, root_collection):
    response = editor.post(
        "/admin/images/multiple/add/", {"collection": root_collection.pk, "files[]": upload("x.jpg", SVG_WITH_SCRIPT)}
    )
    assert response.status_code == 200
    assert response.json()["success"] is False
    assert "ne correspond pas" in response.json()["error_message"]
    assert not Image.objects.exists()
