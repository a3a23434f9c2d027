import datetime

import pytest
from django.utils import timezone

from events.models import EventPage
from tests.factories import EventPageFactory

pytestmark = pytest.mark.django_db


def test_event_that_ended_yesterday_is_past_not_upcoming(site_tree):
    start = timezone.now() - datetime.timedelta(days=1, hours=3)
    event = EventPageFactory(parent=site_tree["agenda"], start=start, end=start + datetime.timedelta(hours=2))

    assert event not in EventPage.objects.upcoming()
    assert event in EventPage.objects.past()


def test_all_day_event_today_is_upcoming_even_after_its_start(site_tree):
    today_morning = timezone.make_aware(datetime.datetime.combine(timezone.localdate(), datetime.time(0, 0)))
    event = EventPageFactory(parent=site_tree["agenda"], start=today_morning, end=today_morning, all_day=True)

    event.refresh_from_db()
    assert timezone.localtime(event.end).time() == datetime.time.max
    assert event in EventPage.objects.upcoming()
    assert event in EventPage.objects.on_day(timezone.localdate())


def test_upcoming_is_sorted_by_start_and_hides_drafts(site_tree):
    now = timezone.now()
    later = EventPageFactory(parent=site_tree["agenda"], start=now + datetime.timedelta(days=9))
    sooner = EventPageFactory(parent=site_tree["agenda"], start=now + datetime.timedelta(days=2))
    EventPageFactory(parent=site_tree["agenda"], start=now + datetime.timedelta(days=1), live=False)

    assert list(EventPage.objects.upcoming()) == [sooner, later]


def test_on_day_finds_multi_day_event_on_a_middle_day(site_tree):
    start = timezone.now() + datetime.timedelta(days=3)
    event = EventPageFactory(parent=site_tree["agenda"], start=start, end=start + datetime.timedelta(days=2))
    middle = timezone.localdate(start + datetime.timedelta(days=1))

    assert list(EventPage.objects.on_day(middle)) == [event]
    assert not EventPage.objects.on_day(middle + datetime.timedelta(days=5)).exists()


def test_end_before_start_is_refused_with_a_french_message(site_tree):
    from django.core.exceptions import ValidationError

    start = timezone.now()
    event = EventPage(
        title="Mauvaises dates", slug="mauvaises-dates", start=start, end=start - datetime.timedelta(hours=1)
    )
    with pytest.raises(ValidationError) as excinfo:
        event.clean()
    assert "La fin de l’événement doit suivre son début." in str(excinfo.value)
