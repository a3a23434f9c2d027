"""schema.org Event properties of an EventPage (status, attendance mode, place)."""

from django.utils import timezone

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
        start, end = timezone.localdate(event.start).isoformat(), timezone.localdate(event.end).isoformat()
    else:
        start, end = timezone.localtime(event.start).isoformat(), timezone.localtime(event.end).isoformat()
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
        "organizer": {"@type": "Organization", "name": "Cités Unies France"},
    }
    if locations:
        fields["location"] = locations[0] if len(locations) == 1 else locations
    return fields
