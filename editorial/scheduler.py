"""One step of scheduled publishing, guarded by a database lock so that only one process runs it at a time."""

import logging
import os
import socket

from django.core.management import call_command
from django.db import close_old_connections, connection
from wagtail.models import PageLogEntry

from editorial.models import SchedulerLock

logger = logging.getLogger("editorial.scheduler")

LOCK_NAME = "publish_scheduled"


def owner_id():
    return f"{socket.gethostname()}:{os.getpid()}"


def publish_scheduled_step(lock_seconds=25):
    """Publish what is due and unpublish what has expired.

    Returns None when another process holds the lock, else {"published": n, "unpublished": m}.

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
    finally:
        SchedulerLock.release(LOCK_NAME, owner)
    return {key: after[key] - before[key] for key in before}


def scheduled_log_counts():
    """How many pages the scheduler has published and unpublished so far (from Wagtail's page history)."""
    entries = PageLogEntry.objects.filter(action__in=["wagtail.publish.scheduled", "wagtail.unpublish.scheduled"])
    return {
        "published": entries.filter(action="wagtail.publish.scheduled").count(),
        "unpublished": entries.filter(action="wagtail.unpublish.scheduled").count(),
    }
