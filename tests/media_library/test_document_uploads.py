"""Uploading documents through the real admin view (/admin/documents/add/) and downloading them."""

import io
import re
import zipfile

import pytest
from django.test import override_settings
from wagtail.documents import get_document_model

from tests.media_library.conftest import upload

pytestmark = pytest.mark.django_db

Document = get_document_model()
ADD_URL = "/admin/documents/add/"
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n" + b"x" * 2000
EXE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff" + b"\x00" * 400


def docx_bytes():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")
    return buffer.getvalue()


def post_document(client, root_collection, file, title="Rapport annuel"):
    return client.post(ADD_URL, {"title": title, "collection": root_collection.pk, "file": file})


def form_errors(response):
    assert response.status_code == 200, response.status_code
    html = response.content.decode()
    return " ".join(re.sub(r"<[^>]+>", " ", m) for m in re.findall(r'<p class="error-message">(.*?)</p>', html, re.S))


def test_a_pdf_is_stored_under_a_safe_name(editor, root_collection):
    response = post_document(editor, root_collection, upload("../../Rapport d’activité 2025 – CUF.pdf", PDF))
    assert response.status_code == 302
    document = Document.objects.get()
    assert document.file.name == "documents/Rapport-dactivite-2025-CUF.pdf"
    assert document.file_hash and document.file_size == len(PDF)


def test_an_office_document_is_accepted(editor, root_collection):
    assert post_document(editor, root_collection, upload("budget.docx", docx_bytes())).status_code == 302


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("rapport.pdf", EXE, "programme exécutable"),
        ("rapport.pdf", b"<html><script>alert(1)</script></html>", "ne correspond pas à son extension .pdf"),
        ("notes.txt", b"<!DOCTYPE html><html><body><script>x()</script>", "code HTML ou SVG"),
        ("tableau.xlsx", PDF, "ne correspond pas à son extension .xlsx (contenu détecté : PDF)"),
        ("page.html", b"<html></html>", "n’est pas autorisée"),
        ("dessin.svg", b"<svg/>", "n’est pas autorisée"),
        ("vide.pdf", b"", "vide"),
    ],
)
def test_bad_documents_get_a_french_error_and_nothing_is_stored(editor, root_collection, name, content, message):
    response = post_document(editor, root_collection, upload(name, content))
    assert message in form_errors(response)
    assert not Document.objects.exists()


@override_settings(WAGTAILDOCS_MAX_UPLOAD_SIZE=1000)
def test_a_document_over_the_size_limit_is_refused(editor, root_collection):
    response = post_document(editor, root_collection, upload("gros.pdf", PDF))
    assert "trop volumineux" in form_errors(response)
    assert not Document.objects.exists()


def test_the_same_document_uploaded_twice_is_detected(editor, root_collection):
    assert post_document(editor, root_collection, upload("a.pdf", PDF), title="Rapport 2024").status_code == 302
    response = post_document(editor, root_collection, upload("b.pdf", PDF), title="Copie")
    assert "déjà été importé" in form_errors(response) and "Rapport 2024" in form_errors(response)
    assert Document.objects.count() == 1


def test_a_bad_replacement_keeps_the_stored_document(editor, root_collection):
    assert post_document(editor, root_collection, upload("bon.pdf", PDF)).status_code == 302
    document = Document.objects.get()
    name = document.file.name
    response = editor.post(
        f"/admin/documents/edit/{document.pk}/",
        {"title": "Rapport annuel", "collection": root_collection.pk, "file": upload("faux.pdf", EXE)},
    )
    assert "programme exécutable" in form_errors(response)
    document.refresh_from_db()
    assert document.file.name == name and document.file.storage.exists(name)


def test_documents_are_served_with_nosniff_and_downloads_for_risky_types(
    client, editor, root_collection, settings, tmp_path
):
    # Wagtail serves documents from a local path (or a redirect for remote storages): use a real folder.
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage", "OPTIONS": {"location": tmp_path}},
    }
    post_document(editor, root_collection, upload("rapport.pdf", PDF), title="Rapport")
    post_document(editor, root_collection, upload("budget.docx", docx_bytes()), title="Budget")
    post_document(editor, root_collection, upload("notes.txt", "Compte rendu été".encode()), title="Notes")
    for document in Document.objects.all():
        response = client.get(document.url)
        assert response.status_code == 200
        assert response["X-Content-Type-Options"] == "nosniff"
        if document.file_extension == "pdf":
            assert response["Content-Type"] == "application/pdf"
        else:
            assert response["Content-Disposition"].startswith("attachment")
