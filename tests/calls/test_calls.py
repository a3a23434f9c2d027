"""Calls under /appels/: status from the clock, listing filters, archive, deadlines feed, scheduler purge."""

import datetime

import pytest
import time_machine
from django.core.cache import cache
from django.utils import timezone
from icalendar import Calendar

from calls.models import CallIndexPage, CallPage
from editorial.scheduler import CLOCK_CHECKED_KEY, purge_pages_the_clock_changed
from home.models import HomePage
from tests.factories import CallPageFactory, CountryFactory, ThemeFactory

pytestmark = pytest.mark.django_db


def paris(*args):
    return timezone.make_aware(datetime.datetime(*args))


def test_tree_rules(tree):
    assert CallPage.allowed_parent_page_models() == [CallIndexPage]
    assert HomePage in CallIndexPage.allowed_parent_page_models()
    assert not CallIndexPage.can_create_at(tree["home"])  # one index
    assert CallPage.can_create_at(tree["calls"]) and not CallPage.can_create_at(tree["home"])


def test_status_follows_the_clock_with_no_save(client, tree):
    with time_machine.travel(paris(2026, 3, 1, 9, 0), tick=False):
        call = CallPageFactory(parent=tree["calls"], title="Appel Sites & Cités", deadline=paris(2026, 4, 1, 12, 0))
        assert call.status == "ouvert" and call.status_label == "Ouvert"
        assert call in CallPage.objects.open() and call not in CallPage.objects.closing_soon()
    with time_machine.travel(paris(2026, 3, 18, 12, 1), tick=False):  # 13 days 23 h 59 before the deadline
        assert call.status == "imminent"
        assert call in CallPage.objects.closing_soon() and call in CallPage.objects.open()
        assert "Clôture imminente" in client.get(call.url).content.decode()
    with time_machine.travel(paris(2026, 4, 1, 12, 0, 1), tick=False):
        assert call.status == "clos"
        assert call in CallPage.objects.closed() and call not in CallPage.objects.open()
        html = client.get(call.url).content.decode()
        assert "Cet appel est clos." in html and "Répondre à l’appel" not in html


def test_closing_soon_window_is_a_setting(settings, tree):
    settings.CALLS_CLOSING_SOON_DAYS = 3
    call = CallPageFactory(parent=tree["calls"], deadline=timezone.now() + datetime.timedelta(days=5))
    assert call.status == "ouvert"
    settings.CALLS_CLOSING_SOON_DAYS = 7
    assert call.status == "imminent"


def test_listing_shows_open_calls_and_archives_closed_ones(client, tree):
    now = timezone.now()
    CallPageFactory(parent=tree["calls"], title="Appel lointain", deadline=now + datetime.timedelta(days=60))
    CallPageFactory(parent=tree["calls"], title="Appel bientôt clos", deadline=now + datetime.timedelta(days=3))
    closed = CallPageFactory(
        parent=tree["calls"], title="Appel Panorama Outre-mer", deadline=now - datetime.timedelta(days=3)
    )
    CallPageFactory(parent=tree["calls"], title="Appel brouillon", live=False)

    default = client.get("/appels/").content.decode()
    archive = client.get("/appels/?statut=clos").content.decode()
    imminent = client.get("/appels/?statut=imminent").content.decode()

    assert default.index("Appel bientôt clos") < default.index("Appel lointain")
    assert "Appel Panorama Outre-mer" not in default and "Appel brouillon" not in default
    assert "Appels clos (archives)" in default
    assert "Appel Panorama Outre-mer" in archive and "Appel lointain" not in archive
    assert "Appel bientôt clos" in imminent and "Appel lointain" not in imminent
    assert client.get(closed.url).status_code == 200  # still reachable


def test_filters_by_country_and_theme_and_bad_values_become_french_messages(client, tree):
    maroc = CountryFactory(name="Maroc", slug="maroc")
    eau = ThemeFactory(name="Eau", slug="eau")
    CallPageFactory(parent=tree["calls"], title="Appel Maroc eau", countries=[maroc], themes=[eau])
    CallPageFactory(parent=tree["calls"], title="Appel sans pays")

    by_country = client.get("/appels/?pays=maroc").content.decode()
    by_theme = client.get("/appels/?thematique=eau").content.decode()
    bad = client.get("/appels/?statut=bientot&pays=atlantide")

    assert "Appel Maroc eau" in by_country and "Appel sans pays" not in by_country
    assert "Appel Maroc eau" in by_theme and "Appel sans pays" not in by_theme
    assert bad.status_code == 200
    assert "Valeur inconnue pour « Statut » : ce filtre est ignoré." in bad.content.decode()
    assert "Ce pays n’existe pas" in bad.content.decode()


def test_deadlines_feed_has_open_calls_only(client, tree):
    now = timezone.now()
    open_call = CallPageFactory(
        parent=tree["calls"], title="Appel à projets Eau", deadline=now + datetime.timedelta(days=10)
    )
    CallPageFactory(parent=tree["calls"], title="Appel clos", deadline=now - datetime.timedelta(days=1))

    response = client.get("/appels/echeances.ics")
    calendar = Calendar.from_ical(response.content)
    events = calendar.walk("VEVENT")

    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert [str(event["summary"]) for event in events] == ["Date limite : Appel à projets Eau"]
    assert events[0].decoded("dtstart") == open_call.deadline.replace(microsecond=0)
    assert str(events[0]["dtstart"].params["TZID"]) == "Europe/Paris"


def test_scheduler_purges_when_a_call_closes_or_becomes_imminent(tree):
    with time_machine.travel(paris(2026, 5, 1, 11, 0), tick=False):
        CallPageFactory(parent=tree["calls"], deadline=paris(2026, 5, 1, 12, 0))
        cache.set(CLOCK_CHECKED_KEY, timezone.now().timestamp(), None)
        assert purge_pages_the_clock_changed() is False
    with time_machine.travel(paris(2026, 5, 1, 12, 0, 30), tick=False):
        assert purge_pages_the_clock_changed() is True  # the deadline has passed since the last step
        assert purge_pages_the_clock_changed() is False
    with time_machine.travel(paris(2026, 5, 10, 9, 0), tick=False):
        CallPageFactory(parent=tree["calls"], deadline=paris(2026, 5, 24, 9, 1))
        cache.set(CLOCK_CHECKED_KEY, timezone.now().timestamp(), None)
    with time_machine.travel(paris(2026, 5, 10, 9, 2), tick=False):
        assert purge_pages_the_clock_changed() is True  # it is now within 14 days of its deadline


def test_homepage_block_and_country_hub_show_open_calls(client, tree):
    maroc = CountryFactory(name="Maroc", slug="maroc")
    CallPageFactory(parent=tree["calls"], title="Appel reconstruction Al Haouz", countries=[maroc])
    CallPageFactory(
        parent=tree["calls"],
        title="Appel fini",
        countries=[maroc],
        deadline=timezone.now() - datetime.timedelta(days=1),
    )
    home = tree["home"]
    home.sections = [("calls", {"title": "Appels en cours", "count": 3, "country": None, "theme": None})]
    home.save_revision().publish()

    homepage = client.get("/").content.decode()
    hub = client.get("/pays/maroc/").content.decode()

    assert (
        "Appels en cours" in homepage and "Appel reconstruction Al Haouz" in homepage and "Appel fini" not in homepage
    )
    assert "Appel reconstruction Al Haouz" in hub and "Appel fini" not in hub
