"""The deadlines of open calls as an iCalendar (RFC 5545) feed: /appels/echeances.ics.

Each deadline is a moment (DTSTART in Europe/Paris, no end), titled "Date limite : <call>". A feed of
its own rather than inside /agenda/agenda.ics: the agenda's filters (format, month) do not apply to
calls, a subscriber may want one without the other, and the events app cannot know calls (content
apps are independent).
"""

import datetime

from django.utils import timezone
from icalendar import Event as ICalEvent

from core import ical, origin

PRODID = "-//Cités Unies France//Appels//FR"


def deadline_component(call, url):
    component = ICalEvent()
    # Stable whatever name the calendar was fetched under: the public origin's host (BASE_URL).
    component.add("uid", f"appel-{call.pk}@{origin.host()}")
    component.add("dtstamp", (call.last_published_at or timezone.now()).astimezone(datetime.UTC))
    component.add("summary", f"Date limite : {call.title}")
    component.add("dtstart", call.deadline.astimezone(ical.TIMEZONE))
    details = [call.get_kind_display(), call.funder, call.intro, call.apply_url, url]
    component.add("description", "\n\n".join(text for text in details if text))
    component.add("url", url)
    component.add("transp", "TRANSPARENT")
    if call.term_names:
        component.add("categories", list(call.term_names))
    return component


def deadline_parts(call):
    """Every value deadline_component reads (the key of its rendered VEVENT); the URL by its url_path."""
    details = (call.get_kind_display(), call.funder, call.intro, call.apply_url, call.url_path)
    return (call.pk, origin.origin(), call.last_published_at, call.title, call.deadline, details, call.term_names)


def calendar_response(calls, name, filename):
    calendar = ical.calendar_bytes(
        calls,
        kind="appel",
        component=deadline_component,
        parts=deadline_parts,
        prodid=PRODID,
        name=name,
    )
    return ical.calendar_response(calendar, filename, "appels")
