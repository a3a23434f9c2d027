"""schema.org Event properties of an EventPage (status, attendance mode, place, organizer)."""

from django.utils import timezone

from core.seo import iso, organization

from .choices import EventFormat, EventStatus

EVENT_STATUS = {
    EventStatus.PREVU: "https://schema.org/EventScheduled",
    EventStatus.ANNULE: "https://schema.org/EventCancelled",
    EventStatus.REPORTE: "https://schema.org/EventPostponed",
}
ATTENDANCE_MODE = {
    EventFormat.PRESENTIEL: "https://schema.org/OfflineEventAttendanceMode",
    EventFormat.EN_LIGNE: "https://schema.org/OnlineEventAttendanceMode",
    EventFormat.HYBRIDE: "https://schema.org/MixedEventAttendanceMode",
}


def event_fields(event):
    if event.all_day:
        start, end = iso(timezone.localdate(event.start)), iso(timezone.localdate(event.end))
    else:
        start, end = iso(event.start), iso(event.end)
    locations = []
    if event.format != EventFormat.EN_LIGNE and (event.venue or event.city):
        place = {"@type": "Place", "name": event.venue or event.city}
        if event.city:
            place["address"] = {"@type": "PostalAddress", "addressLocality": event.city}
        locations.append(place)
    if event.format != EventFormat.PRESENTIEL and event.online_url:
        locations.append({"@type": "VirtualLocation", "url": event.online_url})
    fields = {
        "startDate": start,
        "endDate": end,
        "eventStatus": EVENT_STATUS.get(event.status, EVENT_STATUS[EventStatus.PREVU]),
        "eventAttendanceMode": ATTENDANCE_MODE.get(event.format, ATTENDANCE_MODE[EventFormat.PRESENTIEL]),
        "organizer": organization(),
    }
    if locations:
        fields["location"] = locations[0] if len(locations) == 1 else locations
    return fields
