"""iCalendar (RFC 5545) export of events: the agenda feed and one file per event.

Times are written in Europe/Paris with its VTIMEZONE, so calendar apps show the
local time whatever the subscriber's zone; all-day events are DATE values whose
DTEND is the day after the last day (RFC 5545 end is exclusive).
"""

import datetime
import zoneinfo

from django.http import HttpResponse
from django.utils import timezone
from django.utils.text import slugify
from icalendar import Calendar
from icalendar import Event as ICalEvent

from core import origin

from .choices import EventFormat, EventStatus

PRODID = "-//Cités Unies France//Agenda//FR"
TIMEZONE = zoneinfo.ZoneInfo("Europe/Paris")


def new_calendar(name):
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", "Europe/Paris")
    return calendar


def event_component(event, request):
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
        component.add("dtstart", event.start.astimezone(TIMEZONE))
        component.add("dtend", event.end.astimezone(TIMEZONE))
    url = origin.page_url(event, request)
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
    categories = [term.name for term in event.sorted_countries + event.sorted_themes]
    if categories:
        component.add("categories", categories)
    return component


def calendar_response(events, request, name, filename):
    calendar = new_calendar(name)
    for event in events:
        calendar.add_component(event_component(event, request))
    calendar.add_missing_timezones()
    response = HttpResponse(calendar.to_ical(), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{slugify(filename) or "agenda"}.ics"'
    return response
