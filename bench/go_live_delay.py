"""Measure the delay between a page's go-live date and the moment it is live, with a real scheduler process.

    DATABASE_URL=postgres://… python bench/go_live_delay.py [--pages 6] [--spacing 11] [--interval 30]

Migrates the database named by DATABASE_URL (a throw-away SQLite file when unset), starts
`manage.py run_scheduler` as a separate process, schedules pages whose go-live dates fall at
different moments of the scheduler's cycle, and reads each page's `last_published_at` (set when
the scheduler publishes it). Prints each delay, then min / median / max, and the time the
scheduler takes to stop on SIGTERM. The pages are deleted afterwards.
"""

import argparse
import datetime
import os
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=6)
    parser.add_argument("--spacing", type=float, default=11.0, help="seconds between two go-live dates")
    parser.add_argument("--interval", type=float, default=30.0, help="scheduler interval in seconds")
    args = parser.parse_args()

    env = dict(os.environ, DJANGO_SETTINGS_MODULE="cuf_cms.settings.dev", PYTHONUNBUFFERED="1")
    env["SCHEDULER_INTERVAL"] = str(int(args.interval))
    if not env.get("DATABASE_URL"):
        env["DATABASE_URL"] = f"sqlite:///{tempfile.mkdtemp()}/bench.sqlite3"
    os.environ.update(env)
    manage = [sys.executable, str(ROOT / "manage.py")]
    print(f"database: {env['DATABASE_URL'].split('@')[-1]}; migrating…", flush=True)
    subprocess.run([*manage, "migrate", "--noinput", "-v0"], check=True, env=env, cwd=ROOT)

    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.utils import timezone
    from wagtail.models import Page

    from core.models import StandardPage

    scheduler = subprocess.Popen(
        [*manage, "run_scheduler", "--interval", str(args.interval)],
        env=env,
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    pages, delays = [], {}
    try:
        line = scheduler.stdout.readline()
        print(f"scheduler: {line.strip()}", flush=True)
        root = Page.get_first_root_node()
        stamp = int(time.time())
        first = timezone.now() + datetime.timedelta(seconds=5)
        for index in range(args.pages):
            go_live = first + datetime.timedelta(seconds=index * args.spacing)
            page = StandardPage(
                title=f"Bench go-live {stamp}-{index}", slug=f"bench-go-live-{stamp}-{index}", live=False
            )
            root.add_child(instance=page)
            # As the admin does when a moderator approves a page with a future go-live date.
            page.go_live_at = go_live
            page.save_revision().publish()
            assert not Page.objects.get(pk=page.pk).live
            pages.append((page.pk, go_live))
        print(f"scheduled {len(pages)} pages, go-live dates every {args.spacing:g} s", flush=True)

        deadline = pages[-1][1] + datetime.timedelta(seconds=args.interval * 3)
        while len(delays) < len(pages) and timezone.now() < deadline:
            for pk, go_live in pages:
                if pk in delays:
                    continue
                page = Page.objects.get(pk=pk)
                if page.live:
                    delays[pk] = (page.last_published_at - go_live).total_seconds()
                    print(f"  page {pk}: live {delays[pk]:5.1f} s after its go-live date", flush=True)
            time.sleep(0.5)
    finally:
        started = time.monotonic()
        scheduler.send_signal(signal.SIGTERM)
        loop_seconds = None
        for line in scheduler.stdout:
            print(f"scheduler: {line.rstrip()}")
            if line.startswith("Scheduler stopped."):
                loop_seconds = time.monotonic() - started
        scheduler.wait(timeout=60)
        stop_seconds = time.monotonic() - started
        for pk, _ in pages:
            Page.objects.filter(pk=pk).delete()

    missing = len(pages) - len(delays)
    values = sorted(delays.values())
    print()
    print(f"pages: {len(pages)}, published: {len(values)}, never published: {missing}")
    if values:
        print(
            f"go-live delay (s): min {values[0]:.1f}, median {statistics.median(values):.1f}, max {values[-1]:.1f} "
            f"(scheduler interval {args.interval:g} s)"
        )
    loop = f"{loop_seconds:.1f} s" if loop_seconds is not None else "never"
    print(f"after SIGTERM: loop left in {loop}, process exited in {stop_seconds:.1f} s (code {scheduler.returncode})")
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
