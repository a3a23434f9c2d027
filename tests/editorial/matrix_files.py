"""The image, document, audio and video actions of the permission matrix (tests/editorial/matrix.py)."""

import json

from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtailmedia.models import get_media_model

from tests.editorial.conftest import outcome
from tests.factories import image_file

Image, Document, Media = get_image_model(), get_document_model(), get_media_model()
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
MP3 = b"ID3\x04\x00\x00\x00\x00\x00\x00" + b"\xff\xfb\x90\x00" * 500
MP4 = b"\x00\x00\x00\x18ftypmp42\x00\x00\x00\x00mp42isom" + b"\x00" * 2000

MODELS = {"image": Image, "document": Document, "audio": Media, "video": Media}
INDEX_URLS = {
    "image": "/admin/images/",
    "document": "/admin/documents/",
    "audio": "/admin/media/",
    "video": "/admin/media/",
}


def edit_url(kind, item):
    return {
        "image": f"/admin/images/{item.pk}/",
        "document": f"/admin/documents/edit/{item.pk}/",
    }.get(kind, f"/admin/media/edit/{item.pk}/")


def delete_url(kind, item):
    return {
        "image": f"/admin/images/{item.pk}/delete/",
        "document": f"/admin/documents/delete/{item.pk}/",
    }.get(kind, f"/admin/media/delete/{item.pk}/")


def upload_fields(kind, world, title):
    """The fields of the upload form of `kind`, with a new valid file."""
    n = world.unique()
    fields = {"title": title, "collection": world.collection.pk}
    if kind == "image":
        file = image_file(name=f"photo-{n}.jpg", colour=(n * 30 % 255, 40, 90))
        file = SimpleUploadedFile(file.name, file.file.getvalue(), content_type="image/jpeg")
        return {**fields, "description": "Des élus devant la mairie", "credit": "CUF", "file": file}
    if kind == "document":
        return {**fields, "file": ContentFile(PDF + b"%" * n, name=f"rapport-{n}.pdf")}
    content, extension = (MP3, "mp3") if kind == "audio" else (MP4, "mp4")
    file = ContentFile(content + b"\x00" * n, name=f"entretien-{n}.{extension}")
    return {**fields, "file": file, "duration": "60", "credit": "CUF", "transcript": ""}


def edit_fields(kind, item, title):
    fields = {"title": title, "collection": item.collection_id, "tags": ""}
    if kind == "image":
        return {**fields, "description": item.description, "credit": "CUF"}
    if kind in ("audio", "video"):
        return {**fields, "duration": "60", "credit": "", "transcript": ""}
    return fields


def list_files(kind):
    def action(client, world):
        item = world.stored(kind, "admin")
        response = client.get(INDEX_URLS[kind])
        return outcome(response), response.status_code == 200 and item.title in response.content.decode()

    return action


def upload(kind):
    def action(client, world):
        add_url = "/admin/images/add/" if kind == "image" else "/admin/documents/add/"
        if kind in ("audio", "video"):
            add_url = f"/admin/media/{kind}/add/"
        response = client.post(add_url, upload_fields(kind, world, "Téléversé"))
        return outcome(response), MODELS[kind].objects.filter(title="Téléversé").exists()

    return action


def edit_file(kind, owner):
    def action(client, world):
        item = world.stored(kind, owner)
        response = client.post(edit_url(kind, item), edit_fields(kind, item, "Titre corrigé"))
        return outcome(response), MODELS[kind].objects.get(pk=item.pk).title == "Titre corrigé"

    return action


def delete_file(kind, owner):
    def action(client, world):
        item = world.stored(kind, owner)
        response = client.post(delete_url(kind, item))
        return outcome(response), not MODELS[kind].objects.filter(pk=item.pk).exists()

    return action


def choose(kind):
    """Open the chooser (someone else's file is offered) and pick it (the editor gets its details)."""

    def action(client, world):
        item = world.stored(kind, "admin")
        if kind in ("image", "document"):
            base = f"/admin/{kind}s/chooser/"
            listing, chosen = client.get(base), client.get(f"{base}chosen/{item.pk}/")
            step = "chosen"
        else:
            listing = client.get(f"/admin/media/chooser/{kind}/")
            chosen, step = client.get(f"/admin/media/chooser/{item.pk}/"), "media_chosen"
        offered = listing.status_code == 200 and item.title in json.loads(listing.content or "{}").get("html", "")
        picked = chosen.status_code == 200 and json.loads(chosen.content)["step"] == step
        return outcome(chosen), offered and picked

    return action


def upload_from_chooser(kind):
    """The upload tab of the chooser opened from the page editor."""

    def action(client, world):
        fields = upload_fields(kind, world, "Depuis le sélecteur")
        if kind == "image":
            url, prefix = "/admin/images/chooser/create/", "image-chooser-upload"
        elif kind == "document":
            url, prefix = "/admin/documents/chooser/create/", "document-chooser-upload"
        else:
            url, prefix = f"/admin/media/{kind}/chooser/upload/", "media-chooser-upload"
        response = client.post(url, {f"{prefix}-{name}": value for name, value in fields.items()})
        return outcome(response), MODELS[kind].objects.filter(title="Depuis le sélecteur").exists()

    return action


FILE_ACTIONS = {}
for _kind in ("image", "document", "audio", "video"):
    FILE_ACTIONS.update(
        {
            f"{_kind}: list (the superuser's upload shown)": list_files(_kind),
            f"{_kind}: upload": upload(_kind),
            f"{_kind}: edit the Rédacteur's upload": edit_file(_kind, "redacteur"),
            f"{_kind}: edit the superuser's upload": edit_file(_kind, "admin"),
            f"{_kind}: delete the Rédacteur's upload": delete_file(_kind, "redacteur"),
            f"{_kind}: delete the superuser's upload": delete_file(_kind, "admin"),
            f"{_kind}: choose the superuser's upload in the chooser": choose(_kind),
            f"{_kind}: upload from the chooser in the page editor": upload_from_chooser(_kind),
        }
    )
