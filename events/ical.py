"""iCalendar (RFC 5545) export of events: the agenda feed and one file per event.

Times are written in Europe/Paris with its VTIMEZONE, so calendar apps show the
local time whatever the subscriber's zone; all-day events are DATE values whose
DTEND is the day after the last day (RFC 5545 end is exclusive).
"""

import datetime

from django.utils import timezone
from icalendar import Event as ICalEvent

from core import ical, origin

from .choices import EventFormat, EventStatus

PRODID = "-//Cités Unies France//Agenda//FR"


def event_component(event, url):
    """The VEVENT of an event: a page or a row of its ICAL_FIELDS with `term_names` (the agenda's feed)."""
    component = ICalEvent()
    # Stable whatever name the calendar was fetched under: the public origin's host (BASE_URL).
    component.add("uid", f"evenement-{event.pk}@{origin.host()}")
    component.add("dtstamp", (event.last_published_at or timezone.now()).astimezone(datetime.UTC))
    component.add("summary", event.title)
    if event.all_day:
        first_day = timezone.localdate(event.start)
        last_day = timezone.localdate(event.end)
        component.add("dtstart", first_day)
        component.add("dtend", last_day + datetime.timedelta(days=1))
    else:
        component.add("dtstart", event.start.astimezone(ical.TIMEZONE))
        component.add("dtend", event.end.astimezone(ical.TIMEZONE))
    description = "\n\n".join(text for text in (event.intro, event.online_url, url) if text)
    component.add("description", description)
    component.add("url", url)
    location = ", ".join(part for part in (event.venue, event.city) if part)
    if not location and event.format == EventFormat.EN_LIGNE:
        location = event.online_url or "En ligne"
    if location:
        component.add("location", location)
    if event.status == EventStatus.ANNULE:
        component.add("status", "CANCELLED")
    elif event.status == EventStatus.REPORTE:
        component.add("status", "TENTATIVE")
    else:
        component.add("status", "CONFIRMED")
    if event.term_names:
        component.add("categories", list(event.term_names))
    return component


def event_parts(event):
    """Every value event_component reads (the key of its rendered VEVENT); the URL by its url_path, which
    with the origin decides it, without building it for every event."""
    return (
        event.pk,
        origin.origin(),
        event.last_published_at,
        event.title,
        event.all_day,
        event.start,
        event.end,
        event.url_path,
        event.intro,
        event.online_url,
        event.venue,
        event.city,
        event.format,
        event.status,
        event.term_names,
    )


def events_calendar(events, name):
    return ical.calendar_bytes(
        events,
        kind="evenement",
        component=event_component,
        parts=event_parts,
        prodid=PRODID,
        name=name,
    )


def calendar_response(events, name, filename):
    return bytes_response(events_calendar(events, name), filename)


def bytes_response(calendar, filename):
    return ical.calendar_response(calendar, filename, "agenda")
