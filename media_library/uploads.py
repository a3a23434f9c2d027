"""Checks every uploaded file passes before it is stored: name, size, content against extension, duplicates.

Used by the admin forms in media_library.forms; each check raises a ValidationError with a French message
the editor can act on. Nothing here touches a file already stored.
"""

import os
import re
import unicodedata

import filetype
from django.conf import settings
from django.core.exceptions import ValidationError
from wagtail.utils.file import hash_filelike

from media_library.formatting import file_size_fr

SNIFF_BYTES = 8192
MAX_STEM_LENGTH = 60
EXECUTABLE_TYPES = {"exe", "elf", "deb", "rpm", "crx", "swf", "wasm", "cab", "dwg"}
MARKUP_MARKERS = (b"<html", b"<!doctype", b"<script", b"<svg", b"<?xml", b"<iframe", b"<object", b"<body")
OFFICE_TYPES = {"docx", "xlsx", "pptx", "odt", "ods", "odp", "epub"}

# For each accepted extension: the formats `filetype` may detect in a genuine file
# (Office and OpenDocument files are ZIP containers). None: a text format, checked as text.
EXPECTED_CONTENT = {
    "pdf": {"pdf"},
    "docx": {"docx", "zip"},
    "xlsx": {"xlsx", "zip"},
    "pptx": {"pptx", "zip"},
    "odt": {"odt", "zip"},
    "ods": {"ods", "zip"},
    "odp": {"odp", "zip"},
    "zip": {"zip"} | OFFICE_TYPES,
    "rtf": {"rtf"},
    "csv": None,
    "txt": None,
    "mp3": {"mp3"},
    "ogg": {"ogg"},
    "oga": {"ogg"},
    "m4a": {"m4a", "mp4"},
    "wav": {"wav"},
    "mp4": {"mp4", "m4v", "mov"},
    "m4v": {"mp4", "m4v", "mov"},
    "webm": {"webm", "mkv"},
}


def extension_of(name):
    return os.path.splitext(name or "")[1].lower().lstrip(".")


def safe_filename(name, default_stem="fichier"):
    """A storage-safe file name: no directories, ASCII letters, digits, '-', '_' and one extension.

    'C:\\Users\\moi\\Rapport été 2025 (final).PDF' → 'Rapport-ete-2025-final.pdf'; stems are cut to 60 characters.
    """
    name = re.split(r"[\\/]", str(name or ""))[-1]
    name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    stem, ext = os.path.splitext(name)
    ext = re.sub(r"[^a-z0-9]", "", ext.lower())[:10]
    stem = re.sub(r"[^A-Za-z0-9_-]+", "-", stem).strip("-_.")[:MAX_STEM_LENGTH].strip("-_") or default_stem
    return f"{stem}.{ext}" if ext else stem


def read_head(f, size=SNIFF_BYTES):
    f.seek(0)
    head = f.read(size)
    f.seek(0)
    return head if isinstance(head, bytes) else head.encode()


def check_size(f, limit):
    if not f.size:
        raise ValidationError("Le fichier est vide.", code="empty")
    if limit and f.size > limit:
        raise ValidationError(
            "Ce fichier est trop volumineux (%(size)s). Taille maximale : %(limit)s.",
            code="file_too_large",
            params={"size": file_size_fr(f.size), "limit": file_size_fr(limit)},
        )


def looks_like_text(head):
    if b"\x00" in head:
        return False
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as exc:
        if exc.start < len(head) - 4:  # a multi-byte character cut at the end of the sample is fine
            try:
                head.decode("cp1252")
            except UnicodeDecodeError:
                return False
    return True


def check_content_matches_extension(f, allowed_extensions):
    """Refuse executables, markup and any content whose real format differs from the extension."""
    ext = extension_of(f.name)
    if ext not in allowed_extensions:
        raise ValidationError(
            "Le format .%(ext)s n’est pas accepté. Formats acceptés : %(allowed)s.",
            code="invalid_extension",
            params={"ext": ext or "?", "allowed": ", ".join(sorted(allowed_extensions))},
        )
    head = read_head(f)
    kind = filetype.guess(head)
    detected = kind.extension if kind else None
    if detected in EXECUTABLE_TYPES or head.startswith(b"MZ"):
        raise ValidationError(
            "Ce fichier est un programme exécutable renommé en .%(ext)s : il est refusé.",
            code="executable",
            params={"ext": ext},
        )
    expected = EXPECTED_CONTENT.get(ext)
    if expected is None:
        lowered = head.lower()
        if detected or not looks_like_text(head):
            raise ValidationError(
                "Le contenu de ce fichier ne correspond pas à son extension .%(ext)s (texte attendu).",
                code="content_mismatch",
                params={"ext": ext},
            )
        if any(marker in lowered for marker in MARKUP_MARKERS):
            raise ValidationError(
                "Ce fichier .%(ext)s contient du code HTML ou SVG : il est refusé.",
                code="markup",
                params={"ext": ext},
            )
        return
    if detected not in expected:
        raise ValidationError(
            "Le contenu de ce fichier ne correspond pas à son extension .%(ext)s (contenu détecté : %(detected)s).",
            code="content_mismatch",
            params={"ext": ext, "detected": detected.upper() if detected else "non reconnu"},
        )


def file_hash(f):
    f.seek(0)
    digest = hash_filelike(f)
    f.seek(0)
    return digest


def check_not_duplicate(f, queryset, noun):
    """Refuse a file whose content is already stored (same SHA-1 as another item of `queryset`)."""
    digest = file_hash(f)
    existing = queryset.filter(file_hash=digest).first()
    if existing is not None:
        raise ValidationError(
            "Ce fichier a déjà été importé : %(noun)s « %(title)s ». Utilisez-le plutôt que de l’importer à nouveau.",
            code="duplicate",
            params={"noun": noun, "title": existing.title},
        )
    return digest


def check_webvtt(f):
    """A captions file: WebVTT text ('WEBVTT' first line, at least one cue), no markup."""
    if extension_of(f.name) != "vtt":
        raise ValidationError("Les sous-titres doivent être un fichier WebVTT (.vtt).", code="invalid_extension")
    check_size(f, getattr(settings, "CUF_CAPTIONS_MAX_UPLOAD_SIZE", 1024 * 1024))
    f.seek(0)
    raw = f.read()
    f.seek(0)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ValidationError("Le fichier de sous-titres doit être encodé en UTF-8.", code="encoding") from None
    lines = text.splitlines()
    if not lines or not re.match(r"^WEBVTT(?:[ \t].*)?$", lines[0]):
        raise ValidationError(
            "Ce fichier n’est pas au format WebVTT : la première ligne doit être « WEBVTT ».", code="invalid_vtt"
        )
    if not any(re.search(r"\d{2}:\d{2}\.\d{3}\s+-->\s+(?:\d{2}:)?\d{2}:\d{2}\.\d{3}", line) for line in lines):
        raise ValidationError("Ce fichier WebVTT ne contient aucun sous-titre horodaté.", code="invalid_vtt")
    if re.search(r"<\s*(script|iframe|object|img|svg)", text, re.IGNORECASE):
        raise ValidationError("Ce fichier de sous-titres contient du code HTML : il est refusé.", code="markup")
