"""CSV import of subscribers, with a report of every row: imported, or refused and why.

Columns (header row, comma or semicolon, UTF-8): email (required), nom, organisation, pays, thematiques
(names or slugs separated by "|"), consentement ("oui" when the person gave their consent, with its
date known to whoever exports the file).

GDPR choice: only a row whose `consentement` says "oui" is imported, and then as confirmed (the consent
was collected elsewhere, e.g. a registration form with the box ticked). A row without consent is refused,
not stored as pending: keeping an address nobody agreed to give us is already processing without a
basis, and even a confirmation request would be an unsolicited email. An address already known is never
changed: an unsubscribed person is never subscribed again by an import.
"""

import csv
import io
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils import timezone

from newsletter.choices import SubscriberSource, SubscriberStatus
from newsletter.models.records import Subscriber, normalise_email
from taxonomy.models import Country, Theme

MAX_BYTES = 5 * 1024 * 1024
MAX_ROWS = 50_000
YES = {"oui", "o", "yes", "y", "1", "true", "vrai", "x"}


class CsvError(ValueError):
    """The file as a whole cannot be read: a French message for the form."""


@dataclass
class Report:
    imported: list = field(default_factory=list)  # (line, email)
    refused: list = field(default_factory=list)  # (line, email or "", reason)


def read_rows(uploaded):
    if uploaded.size > MAX_BYTES:
        raise CsvError("Fichier trop volumineux (5 Mo au plus).")
    raw = uploaded.read()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise CsvError("Le fichier doit être encodé en UTF-8 (enregistrez-le en « CSV UTF-8 »).") from error
    sample = text[:4096]
    delimiter = ";" if sample.count(";") > sample.count(",") else ","
    reader = csv.DictReader(io.StringIO(text, newline=""), delimiter=delimiter)
    headers = [(name or "").strip().lower() for name in (reader.fieldnames or [])]
    if "email" not in headers:
        raise CsvError("La première ligne doit nommer les colonnes, dont « email ».")
    reader.fieldnames = headers
    rows = list(reader)
    if len(rows) > MAX_ROWS:
        raise CsvError(f"Trop de lignes ({len(rows)}) : {MAX_ROWS} au plus par fichier.")
    return rows


def term_lookup(model):
    lookup = {}
    for term in model.objects.all():
        lookup[term.slug.lower()] = term
        lookup[term.name.lower()] = term
    return lookup


def split_terms(value, lookup):
    names = [part.strip() for part in (value or "").split("|") if part.strip()]
    found = [lookup.get(name.lower()) for name in names]
    unknown = [name for name, term in zip(names, found, strict=True) if term is None]
    return [term for term in found if term is not None], unknown


def import_subscribers(uploaded):
    """Read the file and import the valid rows in one transaction; return the Report."""
    rows = read_rows(uploaded)
    report = Report()
    countries, themes = term_lookup(Country), term_lookup(Theme)
    known = set(Subscriber.objects.values_list("email", flat=True))
    seen = set()
    accepted = []
    for line, row in enumerate(rows, start=2):
        email = normalise_email(row.get("email"))
        try:
            validate_email(email)
        except ValidationError:
            report.refused.append((line, email, "adresse e-mail invalide"))
            continue
        if email in seen:
            report.refused.append((line, email, "adresse en double dans le fichier"))
            continue
        seen.add(email)
        if email in known:
            report.refused.append((line, email, "adresse déjà connue : laissée telle quelle"))
            continue
        if (row.get("consentement") or "").strip().lower() not in YES:
            report.refused.append((line, email, "consentement absent : la personne doit s’inscrire elle-même"))
            continue
        row_countries, unknown_countries = split_terms(row.get("pays"), countries)
        row_themes, unknown_themes = split_terms(row.get("thematiques"), themes)
        if unknown_countries or unknown_themes:
            report.refused.append((line, email, "inconnu : " + ", ".join(unknown_countries + unknown_themes)))
            continue
        name, organisation = (row.get("nom") or "").strip(), (row.get("organisation") or "").strip()
        if len(name) > 120 or len(organisation) > 200:
            report.refused.append((line, email, "nom ou organisation trop long"))
            continue
        accepted.append((line, email, name, organisation, row_countries, row_themes))
    now = timezone.now()
    with transaction.atomic():
        for line, email, name, organisation, row_countries, row_themes in accepted:
            subscriber = Subscriber.objects.create(
                email=email,
                name=name,
                organisation=organisation,
                status=SubscriberStatus.CONFIRMED,
                source=SubscriberSource.IMPORT,
                consent_at=now,
                confirmed_at=now,
            )
            subscriber.countries.set(row_countries)
            subscriber.themes.set(row_themes)
            report.imported.append((line, email))
    return report
