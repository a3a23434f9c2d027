"""What visitors and moderators see: badges, the form's own URL outside the page cache, the admin."""

import datetime

import pytest
from django.core.cache import cache
from django.db import reset_queries
from django.utils import timezone

from registrations import services
from registrations.choices import RegistrationStatus
from registrations.models import Registration
from registrations.retention import erase_expired_registrations
from tests.factories import EventPageFactory
from tests.registrations.conftest import register_data

pytestmark = pytest.mark.django_db

FORM = "/agenda/rencontres/inscription/"


def fill(event, count, status=RegistrationStatus.CONFIRMED):
    for n in range(count):
        Registration.objects.create(event=event, status=status, email=f"p{n}-{status}@example.org", name=f"P {n}",
                                    organisation="Ville", consent=True)  # fmt: skip


def test_full_and_closed_badges_on_the_agenda_and_the_event(client, site_tree, open_event):
    fill(open_event, 2)
    EventPageFactory(parent=site_tree["agenda"], title="Séminaire clos", registration_open=True,
                     registration_deadline=timezone.localdate() - datetime.timedelta(days=1))  # fmt: skip
    EventPageFactory(parent=site_tree["agenda"], title="Sans inscription")
    agenda = client.get("/agenda/").content.decode()
    assert agenda.count("badge--registration") == 2
    assert ">Complet<" in agenda and ">Inscriptions closes<" in agenda
    page = client.get("/agenda/rencontres/").content.decode()
    assert "S’inscrire sur la liste d’attente" in page and ">Complet<" in page
    closed = client.get("/agenda/seminaire-clos/inscription/")
    assert "Inscriptions closes" in closed.content.decode()
    assert client.get("/agenda/sans-inscription/inscription/").status_code == 404


def test_the_agenda_costs_the_same_queries_for_two_or_twenty_events(client, site_tree, django_assert_max_num_queries):
    def count():
        client.get("/agenda/")
        reset_queries()
        with django_assert_max_num_queries(60) as captured:
            assert client.get("/agenda/").status_code == 200
        return len(captured)

    for _ in range(2):
        fill(EventPageFactory(parent=site_tree["agenda"], registration_open=True, capacity=1), 1)
    few = count()
    for n in range(10):
        fill(EventPageFactory(parent=site_tree["agenda"], registration_open=True, capacity=5), n % 3)
    assert count() == few


def test_the_form_is_never_stored_by_the_page_cache_but_the_event_page_is(client, open_event, settings):
    settings.PAGE_CACHE = True
    first = client.get(FORM)
    assert "csrfmiddlewaretoken" in first.content.decode()
    assert "no-store" in first["Cache-Control"]
    assert client.get(FORM)["X-Page-Cache"] != "hit"
    client.get("/agenda/rencontres/")
    assert client.get("/agenda/rencontres/")["X-Page-Cache"] == "hit"


def test_the_event_page_shows_complet_as_soon_as_the_last_place_is_taken(
    client, open_event, settings, django_capture_on_commit_callbacks
):
    settings.PAGE_CACHE = True
    client.get("/agenda/rencontres/")
    assert client.get("/agenda/rencontres/")["X-Page-Cache"] == "hit"
    with django_capture_on_commit_callbacks(execute=True):
        client.post(FORM, register_data(email="un@example.org"))
    assert ">Complet<" not in client.get("/agenda/rencontres/").content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(FORM, register_data(email="deux@example.org"))
    assert ">Complet<" in client.get("/agenda/rencontres/").content.decode()


def test_bad_input_gets_french_messages_and_keeps_the_values(client, open_event):
    response = client.post(FORM, register_data(name="", email="pas-une-adresse", consent=""))
    text = response.content.decode()
    assert response.status_code == 400
    assert "Indiquez votre nom et votre prénom." in text
    assert "Saisissez une adresse électronique valide" in text
    assert "Cochez cette case pour vous inscrire." in text
    assert 'value="Ville de Rennes"' in text
    assert 'aria-describedby="id_email-erreur"' in text
    assert Registration.objects.count() == 0


def test_hybrid_events_ask_how_one_attends(client, open_event):
    open_event.format = "hybride"
    open_event.save_revision().publish()
    response = client.post(FORM, register_data())
    assert "Choisissez de participer sur place ou en ligne." in response.content.decode()
    client.post(FORM, register_data(attendance="en-ligne"))
    assert Registration.objects.get().attendance == "en-ligne"


def test_the_honeypot_gets_the_neutral_answer_and_saves_nothing(client, open_event, mailoutbox):
    response = client.post(FORM, register_data(site_web="http://spam.example"))
    assert response.status_code == 302 and response["Location"].endswith("/inscription/merci/")
    assert Registration.objects.count() == 0 and mailoutbox == []


def test_an_address_is_rate_limited(client, open_event, settings):
    settings.REGISTRATION_RATE_LIMIT = 2
    cache.clear()
    answers = [client.post(FORM, register_data()).status_code for _ in range(3)]
    assert answers == [302, 302, 429]
    assert "réessayez dans une heure" in client.post(FORM, register_data()).content.decode()


def test_a_forged_link_shows_a_french_page(client, open_event):
    registration, _ = services.register(open_event, email="a@example.org", name="A", organisation="O", consent=True)
    token = services_token = __import__("registrations.links", fromlist=["manage_token"]).manage_token(registration)
    assert client.get(f"/agenda/rencontres/inscription/gerer/{token}/").status_code == 200
    forged = services_token[:-2] + ("AA" if not services_token.endswith("AA") else "BB")
    response = client.get(f"/agenda/rencontres/inscription/gerer/{forged}/")
    assert response.status_code == 404 and "n’est plus valable" in response.content.decode()


def test_moderators_list_filter_and_export_registrations(clients, open_event):
    fill(open_event, 2)
    fill(open_event, 1, RegistrationStatus.WAITING)
    url = "/admin/registrations/registration/"
    listing = clients["moderateur"].get(url, {"status__exact": RegistrationStatus.WAITING})
    assert listing.status_code == 200
    assert "p0-attente@example.org" in listing.content.decode()
    assert "p0-confirmee@example.org" not in listing.content.decode()
    export = clients["moderateur"].get(url, {"export": "csv", "evenement": open_event.pk})
    lines = b"".join(export.streaming_content).decode().strip().splitlines()
    assert len(lines) == 4 and "p1-confirmee@example.org" in lines[2] + lines[1] + lines[3]
    assert clients["redacteur"].get(url).status_code in (302, 403)


def test_personal_data_is_erased_after_the_retention_period(open_event, settings):
    settings.REGISTRATION_RETENTION_DAYS = 30
    fill(open_event, 2)
    assert erase_expired_registrations(now=open_event.end + datetime.timedelta(days=29)) == 0
    assert erase_expired_registrations(now=open_event.end + datetime.timedelta(days=31)) == 2
    assert Registration.objects.count() == 0
