"""Scheduler steps of registrations (registered with the "scheduler_step" hook, run by run_scheduler)."""

import datetime

from django.conf import settings
from django.utils import timezone

from events.models import EventPage
from pagecache.middleware import page_cache
from pagecache.purge import purge_all
from registrations.models import Registration

DEADLINE_CHECKED_KEY = "registrations:deadline-checked"


def erase_expired_registrations(now=None):
    """Delete every registration of events that ended more than REGISTRATION_RETENTION_DAYS ago."""
    now = now or timezone.now()
    limit = now - datetime.timedelta(days=settings.REGISTRATION_RETENTION_DAYS)
    deleted, _ = Registration.objects.filter(event__end__lt=limit).delete()
    return deleted


def purge_when_deadline_passed(now=None):
    """ "Inscriptions closes" appears when a deadline passes, with no save to purge the cache: purge then."""
    cache = page_cache()
    today = timezone.localdate(now or timezone.now())
    last = cache.get(DEADLINE_CHECKED_KEY)
    last_day = datetime.date.fromisoformat(last) if last else today - datetime.timedelta(days=1)
    passed = (
        EventPage.objects.live()
        .filter(registration_open=True, registration_deadline__gte=last_day, registration_deadline__lt=today)
        .exists()
    )
    if passed and last_day < today:
        purge_all()
    cache.set(DEADLINE_CHECKED_KEY, today.isoformat(), None)
    return passed and last_day < today


def scheduler_step():
    return {"registrations_erased": erase_expired_registrations(), "deadline_purge": purge_when_deadline_passed()}
