"""Run Wagtail's publish_scheduled every few seconds: scheduled publishing without a cron job.

    python manage.py run_scheduler              # loop until SIGTERM/SIGINT (every EDITORIAL_SCHEDULER_INTERVAL s)
    python manage.py run_scheduler --once       # one step, then exit (for tests and ad-hoc runs)

Several schedulers may run (one per host): a database lock makes sure one step runs at a time.
"""

import logging
import signal
import threading
import time

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import timezone

from editorial.scheduler import publish_scheduled_step

logger = logging.getLogger("editorial.scheduler")


class Command(BaseCommand):
    help = "Publish pages whose go-live date has come and unpublish expired ones, every few seconds."

    def add_arguments(self, parser):
        parser.add_argument("--interval", type=float, default=None, help="seconds between two steps (default 30)")
        parser.add_argument("--once", action="store_true", help="run a single step and exit")

    def handle(self, *args, **options):
        interval = options["interval"] or settings.EDITORIAL_SCHEDULER_INTERVAL
        if options["once"]:
            self.step()
            return

        stop = threading.Event()

        def request_stop(signum, frame):
            self.stdout.write(f"Signal {signal.Signals(signum).name} received, stopping the scheduler.")
            stop.set()

        previous = {sig: signal.signal(sig, request_stop) for sig in (signal.SIGTERM, signal.SIGINT)}
        self.stdout.write(f"Scheduler started: publish_scheduled every {interval:g} s (Ctrl-C to stop).")
        try:
            while not stop.is_set():
                started = time.monotonic()
                self.step()
                # Sleep until the next tick, waking up at once on SIGTERM/SIGINT.
                stop.wait(max(0.0, interval - (time.monotonic() - started)))
        finally:
            for sig, handler in previous.items():
                signal.signal(sig, handler)
        self.stdout.write("Scheduler stopped.")

    def step(self):
        try:
            counts = publish_scheduled_step(lock_seconds=max(5, int(settings.EDITORIAL_SCHEDULER_INTERVAL) - 5))
        except Exception:
            # A failed step (database restart, bad revision…) must not stop the loop.
            logger.exception("publish_scheduled failed")
            self.stderr.write("publish_scheduled failed; retrying at the next tick.")
            return
        if counts is None:
            self.stdout.write("Another scheduler holds the lock; step skipped.")
        elif counts["published"] or counts["unpublished"]:
            self.stdout.write(
                f"{timezone.localtime():%Y-%m-%d %H:%M:%S} published {counts['published']}, "
                f"unpublished {counts['unpublished']}"
            )
        if counts and counts["clock_purge"]:
            self.stdout.write(f"{timezone.localtime():%Y-%m-%d %H:%M:%S} an event ended: page cache purged")
