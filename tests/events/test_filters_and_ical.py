import datetime
import zoneinfo

import icalendar
import pytest
import time_machine
from django.utils import timezone

from events.choices import EventFormat, EventStatus
from tests.factories import CountryFactory, EventPageFactory, ThemeFactory

pytestmark = pytest.mark.django_db
PARIS = zoneinfo.ZoneInfo("Europe/Paris")


def at(*args):
    return datetime.datetime(*args, tzinfo=PARIS)


def titles(response):
    return {event.title for event in response.context["events"]}


@pytest.fixture
def agenda(site_tree):
    armenie = CountryFactory(name="Arménie", slug="armenie", region="europe")
    culture = ThemeFactory(name="Culture", slug="culture")
    index = site_tree["agenda"]
    next_year = timezone.localdate().year + 1
    return {
        "year": next_year,
        "groupe": EventPageFactory(
            parent=index,
            title="Groupe-pays Arménie",
            start=at(next_year, 3, 10, 14),
            end=at(next_year, 3, 10, 17),
            countries=[armenie],
            format=EventFormat.EN_LIGNE,
        ),
        "festival": EventPageFactory(
            parent=index,
            title="Festival des cultures",
            start=at(next_year, 3, 30, 9),
            end=at(next_year, 4, 2, 18),
            themes=[culture],
            format=EventFormat.PRESENTIEL,
        ),
        "assises": EventPageFactory(
            parent=index,
            title="Assises en mai",
            start=at(next_year, 5, 4, 9),
            end=at(next_year, 5, 4, 18),
            countries=[armenie],
            themes=[culture],
            format=EventFormat.HYBRIDE,
        ),
        "past": EventPageFactory(
            parent=index,
            title="Réunion passée",
            start=at(2024, 3, 10, 9),
            end=at(2024, 3, 10, 12),
            countries=[armenie],
        ),
    }


def test_agenda_filters_by_country_theme_format_and_month(client, agenda):
    year = agenda["year"]
    assert titles(client.get("/agenda/", {"pays": "armenie"})) == {"Groupe-pays Arménie", "Assises en mai"}
    assert titles(client.get("/agenda/", {"thematique": "culture"})) == {"Festival des cultures", "Assises en mai"}
    assert titles(client.get("/agenda/", {"format": "en-ligne"})) == {"Groupe-pays Arménie"}
    # An event that spans two months belongs to both.
    assert titles(client.get("/agenda/", {"mois": f"{year}-04"})) == {"Festival des cultures"}
    assert titles(client.get("/agenda/", {"mois": f"{year}-03"})) == {"Groupe-pays Arménie", "Festival des cultures"}
    combined = client.get("/agenda/", {"pays": "armenie", "thematique": "culture", "mois": f"{year}-05"})
    assert titles(combined) == {"Assises en mai"}
    assert "1 résultat" in combined.content.decode()


def test_past_events_are_filtered_under_passes(client, agenda):
    response = client.get("/agenda/passes/", {"pays": "armenie"})
    assert titles(response) == {"Réunion passée"}
    assert 'href="/agenda/passes/"' in response.content.decode()  # « Réinitialiser » stays on past events


@pytest.mark.parametrize("month", ["2025-13", "abcd-ef", "2025-1-1", "0000-01", "9" * 500, "<script>x</script>"])
def test_malformed_month_gives_a_french_message(client, agenda, month):
    response = client.get("/agenda/", {"mois": month})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Mois invalide : utilisez le format AAAA-MM" in html
    assert "<script>x</script>" not in html
    assert len(titles(response)) == 3


def parse_calendar(response):
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return icalendar.Calendar.from_ical(response.content)


def test_agenda_ics_feed_uses_paris_times_and_filters(client, agenda):
    calendar = parse_calendar(client.get("/agenda/agenda.ics"))
    assert calendar["VERSION"] == "2.0"
    assert [tz["TZID"] for tz in calendar.walk("VTIMEZONE")] == ["Europe/Paris"]
    events = {str(event["SUMMARY"]): event for event in calendar.walk("VEVENT")}
    assert set(events) == {"Groupe-pays Arménie", "Festival des cultures", "Assises en mai"}
    start = events["Groupe-pays Arménie"].decoded("DTSTART")
    assert start == at(agenda["year"], 3, 10, 14)
    assert str(start.tzinfo) == "Europe/Paris"
    assert events["Groupe-pays Arménie"]["URL"] == agenda["groupe"].get_full_url()

    filtered = parse_calendar(client.get("/agenda/agenda.ics", {"pays": "armenie", "format": "hybride"}))
    assert [str(event["SUMMARY"]) for event in filtered.walk("VEVENT")] == ["Assises en mai"]
    assert client.get("/agenda/agenda.ics", {"mois": "n'importe quoi"}).status_code == 200


def test_event_ics_for_a_cancelled_all_day_event(client, site_tree):
    event = EventPageFactory(
        parent=site_tree["agenda"],
        title="Journée annulée",
        start=at(2030, 6, 12, 10),
        end=at(2030, 6, 13, 10),
        all_day=True,
        status=EventStatus.ANNULE,
    )
    calendar = parse_calendar(client.get(f"{event.url}evenement.ics"))
    (vevent,) = calendar.walk("VEVENT")
    assert vevent["STATUS"] == "CANCELLED"
    assert vevent.decoded("DTSTART") == datetime.date(2030, 6, 12)
    assert vevent.decoded("DTEND") == datetime.date(2030, 6, 14)  # exclusive end, RFC 5545
    assert b"DTSTART;VALUE=DATE:20300612" in client.get(f"{event.url}evenement.ics").content
    page = client.get(event.url)
    assert page.status_code == 200
    assert f"{event.url}evenement.ics" in page.content.decode()


def test_the_feed_is_the_same_with_and_without_the_fragment_cache(client, agenda, settings):
    """Each VEVENT is rendered once and reused (pagecache/fragments.py): the bytes must not change."""
    settings.FRAGMENT_CACHE = False
    plain = client.get("/agenda/agenda.ics").content
    settings.FRAGMENT_CACHE = True
    first, second = client.get("/agenda/agenda.ics").content, client.get("/agenda/agenda.ics").content
    assert plain == first == second
    assert plain.count(b"BEGIN:VEVENT") == 3 and plain.count(b"BEGIN:VTIMEZONE") == 1


def test_a_renamed_term_or_a_republished_event_is_in_the_next_feed(
    client, agenda, settings, django_capture_on_commit_callbacks
):
    """The feed is reused until a purge, and a cached VEVENT is keyed by everything it shows: no edit
    may leave an old one in the feed."""
    settings.FRAGMENT_CACHE = True
    client.get("/agenda/agenda.ics")
    with django_capture_on_commit_callbacks(execute=True):  # each save purges once committed
        armenie = agenda["groupe"].countries.get()
        armenie.name = "République d’Arménie"
        armenie.save()
        event = agenda["festival"]
        event.title = "Festival des cultures du monde"
        event.city = "Lyon"
        event.save_revision().publish()
    calendar = parse_calendar(client.get("/agenda/agenda.ics"))
    events = {str(vevent["SUMMARY"]): vevent for vevent in calendar.walk("VEVENT")}
    assert set(events) == {"Groupe-pays Arménie", "Festival des cultures du monde", "Assises en mai"}
    assert "République d’Arménie" in events["Groupe-pays Arménie"]["CATEGORIES"].cats
    assert events["Festival des cultures du monde"]["LOCATION"] == "Lyon"


def test_the_reused_feed_drops_an_event_once_it_leaves_the_six_months_window(client, site_tree, settings):
    """Reused until a purge, the agenda feed is still built again when the clock changes it: its oldest
    event leaves it 183 days after its end, with no publish in between (and within the 5 minutes a
    reused value lives)."""
    settings.FRAGMENT_CACHE = True
    now = timezone.now()
    leaves = now + datetime.timedelta(minutes=3)
    ended = leaves - datetime.timedelta(days=183)
    agenda = site_tree["agenda"]
    EventPageFactory(parent=agenda, title="Rencontre de juin", start=ended - datetime.timedelta(hours=3), end=ended)
    EventPageFactory(parent=agenda, title="Rencontre d’octobre", start=now, end=now + datetime.timedelta(hours=3))

    def summaries():
        return {str(vevent["SUMMARY"]) for vevent in parse_calendar(client.get("/agenda/agenda.ics")).walk("VEVENT")}

    assert summaries() == {"Rencontre de juin", "Rencontre d’octobre"}
    with time_machine.travel(now + datetime.timedelta(minutes=1), tick=False):
        assert summaries() == {"Rencontre de juin", "Rencontre d’octobre"}
    with time_machine.travel(leaves + datetime.timedelta(seconds=1), tick=False):
        assert summaries() == {"Rencontre d’octobre"}


def test_an_all_day_calendar_has_no_timezone(client, site_tree):
    event = EventPageFactory(
        parent=site_tree["agenda"], title="Journée", start=at(2030, 6, 12, 10), end=at(2030, 6, 12, 10), all_day=True
    )
    content = client.get(f"{event.url}evenement.ics").content
    assert b"BEGIN:VTIMEZONE" not in content and content.endswith(b"END:VEVENT\r\nEND:VCALENDAR\r\n")
