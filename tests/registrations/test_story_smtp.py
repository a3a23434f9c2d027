"""The story register -> confirm -> cancel -> promotion, with the real worker and a real SMTP server."""

import json
import re

import icalendar
from django_tasks_db.models import DBTaskResult

from registrations.choices import RegistrationStatus
from registrations.models import Registration
from tests.registrations.conftest import register_data, run_worker

URL = "/agenda/rencontres/inscription/"


def subject(message):
    # Django folds long encoded subjects right after "Subject:"; mail clients drop that space.
    return str(message["Subject"]).strip()


def post_registration(client, capture, **data):
    with capture(execute=True):
        return client.post(URL, register_data(**data))


def manage_link(message):
    body = message.get_body(("plain",)).get_content()
    return re.search(r"https?://[^/\s]+(/agenda/rencontres/inscription/gerer/[^/\s]+/)", body).group(1)


def ics_of(message):
    [attachment] = [part for part in message.iter_attachments() if part.get_content_type() == "text/calendar"]
    return icalendar.Calendar.from_ical(attachment.get_content())


def test_register_confirm_cancel_promote(client, open_event, worker_settings, django_capture_on_commit_callbacks):
    inbox = worker_settings
    capture = django_capture_on_commit_callbacks
    answers = [
        post_registration(client, capture, name="Awa Diop", email="awa@example.org"),
        post_registration(client, capture, name="Ben Martin", email="ben@example.org"),
        post_registration(client, capture, name="Chloé Petit", email="chloe@example.org"),
    ]
    assert {response.status_code for response in answers} == {302}
    # Nothing left in the request: the emails wait for the worker.
    assert inbox.envelopes == []
    assert DBTaskResult.objects.filter(status="READY", task_path__startswith="registrations.").count() == 3

    run_worker()

    assert len(inbox.envelopes) == 3
    [awa] = inbox.to("awa@example.org")
    [chloe_waiting] = inbox.to("chloe@example.org")
    assert subject(awa) == "Inscription confirmée : Rencontres de la coopération"
    assert awa["To"] == "awa@example.org"
    assert "Cités Unies France" in awa["From"]
    assert awa["Auto-Submitted"] == "auto-generated"
    event = ics_of(awa).walk("VEVENT")[0]
    assert str(event["SUMMARY"]) == "Rencontres de la coopération"
    assert event.decoded("DTSTART") == open_event.start.replace(microsecond=0)
    assert subject(chloe_waiting) == "Liste d’attente : Rencontres de la coopération"
    assert not list(chloe_waiting.iter_attachments())

    # Awa follows her link and cancels; Chloé gets the place and an email with the .ics.
    link = manage_link(awa)
    page = client.get(link)
    assert "Annuler mon inscription" in page.content.decode()
    assert "no-store" in page["Cache-Control"]
    inbox.clear()
    with capture(execute=True):
        response = client.post(link, {"action": "annuler"})
    assert "Votre inscription est annulée" in response.content.decode()
    run_worker()

    [cancelled] = inbox.to("awa@example.org")
    [promoted] = inbox.to("chloe@example.org")
    assert subject(cancelled) == "Inscription annulée : Rencontres de la coopération"
    assert subject(promoted) == "Une place s’est libérée : Rencontres de la coopération"
    assert ics_of(promoted).walk("VEVENT")
    statuses = dict(Registration.objects.values_list("email", "status"))
    assert statuses == {
        "awa@example.org": RegistrationStatus.CANCELLED,
        "ben@example.org": RegistrationStatus.CONFIRMED,
        "chloe@example.org": RegistrationStatus.CONFIRMED,
    }

    # Chloé downloads her data, then erases it: the link is dead afterwards.
    chloe_link = manage_link(promoted)
    data = client.get(chloe_link + "donnees.json")
    assert data["Content-Disposition"].startswith("attachment")
    assert json.loads(data.content)["adresse_electronique"] == "chloe@example.org"
    with capture(execute=True):
        client.post(chloe_link, {"action": "effacer"})
    assert not Registration.objects.filter(email="chloe@example.org").exists()
    assert client.get(chloe_link).status_code == 404


def test_same_neutral_answer_for_an_address_already_registered(
    client, open_event, worker_settings, django_capture_on_commit_callbacks
):
    first = post_registration(client, django_capture_on_commit_callbacks)
    second = post_registration(client, django_capture_on_commit_callbacks, name="Quelqu’un d’autre")
    assert first.status_code == second.status_code == 302
    assert first["Location"] == second["Location"]
    assert client.get(first["Location"]).content == client.get(second["Location"]).content
    assert Registration.objects.count() == 1
    run_worker()
    # The owner of the address is told by email, not the person at the keyboard.
    subjects = [subject(m) for m in worker_settings.to("awa.diop@example.org")]
    assert subjects == [
        "Inscription confirmée : Rencontres de la coopération",
        "Votre inscription : Rencontres de la coopération",
    ]
