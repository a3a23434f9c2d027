"""The deadlines of open calls as an iCalendar (RFC 5545) feed: /appels/echeances.ics.

Each deadline is a moment (DTSTART in Europe/Paris, no end), titled "Date limite : <call>". A feed of
its own rather than inside /agenda/agenda.ics: the agenda's filters (format, month) do not apply to
calls, a subscriber may want one without the other, and the events app cannot know calls (content
apps are independent).
"""

import datetime
import zoneinfo

from django.http import HttpResponse
from django.utils import timezone
from django.utils.text import slugify
from icalendar import Calendar
from icalendar import Event as ICalEvent

from core import origin

PRODID = "-//Cités Unies France//Appels//FR"
TIMEZONE = zoneinfo.ZoneInfo("Europe/Paris")


def deadline_component(call, request):
    component = ICalEvent()
    # Stable whatever name the calendar was fetched under: the public origin's host (BASE_URL).
    component.add("uid", f"appel-{call.pk}@{origin.host()}")
    component.add("dtstamp", (call.last_published_at or timezone.now()).astimezone(datetime.UTC))
    component.add("summary", f"Date limite : {call.title}")
    component.add("dtstart", call.deadline.astimezone(TIMEZONE))
    url = origin.page_url(call, request)
    details = [call.get_kind_display(), call.funder, call.intro, call.apply_url, url]
    component.add("description", "\n\n".join(text for text in details if text))
    component.add("url", url)
    component.add("transp", "TRANSPARENT")
    categories = [term.name for term in call.sorted_countries + call.sorted_themes]
    if categories:
        component.add("categories", categories)
    return component


def calendar_response(calls, request, name, filename):
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", "Europe/Paris")
    for call in calls:
        calendar.add_component(deadline_component(call, request))
    calendar.add_missing_timezones()
    response = HttpResponse(calendar.to_ical(), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{slugify(filename) or "appels"}.ics"'
    return response
