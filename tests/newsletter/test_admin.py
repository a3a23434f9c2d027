"""Moderators list, search, filter and export the subscribers and the sends, and import a CSV with a report."""

import csv
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from newsletter.choices import SubscriberSource, SubscriberStatus
from newsletter.models import Subscriber
from tests.factories import SubscriberFactory, ThemeFactory

pytestmark = pytest.mark.django_db

LIST_URL = "/admin/newsletter/subscriber/"


def upload(client, text, name="abonnes.csv"):
    file = SimpleUploadedFile(name, text.encode("utf-8"), content_type="text/csv")
    return client.post("/admin/lettre/import/", {"file": file})


def test_moderator_lists_searches_filters_and_exports(moderateur, django_assert_max_num_queries):
    water = ThemeFactory(name="Eau et assainissement")
    SubscriberFactory(email="maire@lyon.fr", organisation="Ville de Lyon", themes=[water])
    SubscriberFactory(email="dgs@nantes.fr", organisation="Nantes Métropole")
    SubscriberFactory(email="attente@brest.fr", status=SubscriberStatus.PENDING)

    page = moderateur.get(LIST_URL).content.decode()
    assert "maire@lyon.fr" in page and "Importer un CSV" in page
    assert "dgs@nantes.fr" not in moderateur.get(LIST_URL, {"q": "lyon"}).content.decode()
    pending = moderateur.get(LIST_URL, {"status__exact": "pending"}).content.decode()
    assert "attente@brest.fr" in pending and "maire@lyon.fr" not in pending

    with django_assert_max_num_queries(30):
        export = moderateur.get(LIST_URL, {"export": "csv"})
    assert export.status_code == 200
    rows = list(csv.reader(io.StringIO(b"".join(export.streaming_content).decode())))
    assert len(rows) == 4
    assert any("Eau et assainissement" in cell for row in rows for cell in row)


def test_moderator_sees_the_sends(moderateur):
    assert moderateur.get("/admin/newsletter/send/").status_code == 200


def test_redacteur_cannot_see_subscribers(redacteur):
    assert redacteur.get(LIST_URL).status_code in (302, 403)
    assert redacteur.get("/admin/lettre/import/").status_code in (302, 403)


def test_csv_import_reports_each_row(moderateur):
    ThemeFactory(name="Culture", slug="culture")
    SubscriberFactory(email="parti@ville.fr", status=SubscriberStatus.UNSUBSCRIBED)
    text = (
        "email;nom;organisation;pays;thematiques;consentement\n"
        "Nouvelle@Ville.fr;Alex Dupont;Ville de Tours;;culture;oui\n"
        "pas-une-adresse;X;;;;oui\n"
        "sans.consentement@ville.fr;Y;;;;non\n"
        "parti@ville.fr;Z;;;;oui\n"
        "nouvelle@ville.fr;Doublon;;;;oui\n"
        "inconnu@ville.fr;W;;Atlantide;;oui\n"
    )
    html = upload(moderateur, text).content.decode()
    assert "1 ligne importée" in html and "5 refusées" in html
    for reason in (
        "adresse e-mail invalide",
        "consentement absent",
        "adresse déjà connue",
        "adresse en double dans le fichier",
        "inconnu : Atlantide",
    ):
        assert reason in html
    imported = Subscriber.objects.get(email="nouvelle@ville.fr")
    assert (imported.status, imported.source) == (SubscriberStatus.CONFIRMED, SubscriberSource.IMPORT)
    assert [theme.name for theme in imported.themes.all()] == ["Culture"]
    assert Subscriber.objects.get(email="parti@ville.fr").status == SubscriberStatus.UNSUBSCRIBED
    assert not Subscriber.objects.filter(email="sans.consentement@ville.fr").exists()


def test_csv_import_refuses_an_unreadable_file_with_a_french_message(moderateur):
    file = SimpleUploadedFile("abonnes.csv", "email\né@x.fr".encode("latin-1"), content_type="text/csv")
    html = moderateur.post("/admin/lettre/import/", {"file": file}).content.decode()
    assert "encodé en UTF-8" in html
    assert "sans colonne" not in html
    assert "la première ligne doit nommer" in upload(moderateur, "nom;prenom\nA;B\n").content.decode().lower()
    assert not Subscriber.objects.exists()
