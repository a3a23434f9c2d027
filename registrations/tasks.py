"""Registration emails, composed and sent by the worker (never in the visitor's request)."""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string

from core import origin
from core.tasks import EMAIL_PRIORITY, retrying_task
from events.ical import events_calendar
from registrations.links import manage_url
from registrations.models import Registration

SUBJECTS = {
    "confirmed": "Inscription confirmée : {title}",
    "waiting": "Liste d’attente : {title}",
    "already": "Votre inscription : {title}",
    "promoted": "Une place s’est libérée : {title}",
    "cancelled": "Inscription annulée : {title}",
}
WITH_CALENDAR = {"confirmed", "promoted", "already"}


def event_ics(event):
    return events_calendar([event], event.title)


def build_email(registration, kind):
    event = registration.event
    context = {
        "registration": registration,
        "event": event,
        "kind": kind,
        "manage_url": manage_url(registration),
        "event_url": origin.page_url(event),
        "register_url": origin.page_url(event) + "inscription/",
    }
    message = EmailMultiAlternatives(
        subject=SUBJECTS[kind].format(title=event.title),
        body=render_to_string("registrations/email/message.txt", context),
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[registration.email],
        headers={"Auto-Submitted": "auto-generated"},
    )
    if kind in WITH_CALENDAR and registration.is_active:
        message.attach(f"{event.slug}.ics", event_ics(event), "text/calendar; charset=utf-8; method=PUBLISH")
    return message


@retrying_task(max_attempts=5, backoff=60, priority=EMAIL_PRIORITY)
def send_registration_email(registration_pk, kind):
    """Send one registration email; an erased registration sends nothing."""
    registration = Registration.objects.select_related("event", "collectivite").filter(pk=registration_pk).first()
    if registration is None:
        return 0
    return build_email(registration, kind).send()
