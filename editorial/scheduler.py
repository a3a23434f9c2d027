"""One step of scheduled publishing, guarded by a database lock so that only one process runs it at a time."""

import datetime
import logging
import os
import socket

from django.core.management import call_command
from django.db import close_old_connections, connection
from django.utils import timezone
from wagtail.models import PageLogEntry

from editorial.models import SchedulerLock
from events.models import EventPage
from pagecache.conf import setting
from pagecache.middleware import page_cache
from pagecache.purge import purge_all

logger = logging.getLogger("editorial.scheduler")

LOCK_NAME = "publish_scheduled"
CLOCK_CHECKED_KEY = "pagecache:clock-checked"


def owner_id():
    return f"{socket.gethostname()}:{os.getpid()}"


def publish_scheduled_step(lock_seconds=25):
    """Publish what is due and unpublish what has expired.

    Returns None when another process holds the lock, else {"published": n, "unpublished": m,
    "clock_purge": whether pages that change with the clock were purged}.

    The lock is a lease shorter than the scheduler's interval: if this process dies while holding
    it, another scheduler takes over at its next tick.
    """
    if not connection.in_atomic_block:
        # A long-running process must drop connections the database closed or that outlived
        # CONN_MAX_AGE; never inside a transaction (as in tests).
        close_old_connections()
    owner = owner_id()
    if not SchedulerLock.acquire(LOCK_NAME, owner, lock_seconds):
        logger.info("publish_scheduled skipped: another scheduler holds the lock")
        return None
    try:
        before = scheduled_log_counts()
        call_command("publish_scheduled", verbosity=0)
        after = scheduled_log_counts()
        clock_purge = purge_pages_the_clock_changed()
    finally:
        SchedulerLock.release(LOCK_NAME, owner)
    return {**{key: after[key] - before[key] for key in before}, "clock_purge": clock_purge}


def purge_pages_the_clock_changed():
    """Purge the page cache when an event has ended since the last step; True when it did.

    When an event ends, nothing is saved, so no signal purges, yet the homepage's agenda, /agenda/,
    /agenda/passes/, the hubs and the event's own page change: the scheduler is the site's clock.
    The last check is kept in the shared cache; when it is lost, the window is PAGE_CACHE_TIMEOUT
    (entries older than that have expired anyway).
    """
    cache = page_cache()
    now = timezone.now()
    last_checked = cache.get(CLOCK_CHECKED_KEY)
    if last_checked is None:
        since = now - datetime.timedelta(seconds=setting("PAGE_CACHE_TIMEOUT"))
    else:
        since = datetime.datetime.fromtimestamp(last_checked, tz=datetime.UTC)
    ended = EventPage.objects.ended_between(since, now).exists()
    if ended:
        purge_all()
    cache.set(CLOCK_CHECKED_KEY, now.timestamp(), None)
    return ended


def scheduled_log_counts():
    """How many pages the scheduler has published and unpublished so far (from Wagtail's page history)."""
    entries = PageLogEntry.objects.filter(action__in=["wagtail.publish.scheduled", "wagtail.unpublish.scheduled"])
    return {
        "published": entries.filter(action="wagtail.publish.scheduled").count(),
        "unpublished": entries.filter(action="wagtail.unpublish.scheduled").count(),
    }
