"""Send one issue to 10,000 subscribers through a local SMTP server with the task worker, on PostgreSQL.

    make bench-newsletter        (or: .venv/bin/python -m bench.newsletter_send --subscribers 10000)

What runs, all on 127.0.0.1: PostgreSQL `cuf_newsletter_bench` (created and migrated here), an aiosmtpd
server on port 8874 that counts what it accepts, gunicorn (production settings, page cache off so every
request renders the article) on port 8866, and `manage.py db_worker` with the django-tasks database
backend (django-tasks-db), production settings (they run the worker as the site does).

Prints: total time of the send (enqueue -> every delivery done), emails per second, the worker's peak
RSS (VmHWM), and the web server's response time for an article before and during the send (median and
p95 over a short bounded request loop), as ratios.
"""

import argparse
import http.client
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(BASE_DIR))

from bench.env import bench_env, create_database  # noqa: E402

SMTP_PORT = int(os.environ.get("BENCH_SMTP_PORT", "8874"))
WEB_PORT = int(os.environ.get("BENCH_WEB_PORT", "8866"))
OVERRIDES = {
    "DJANGO_SETTINGS_MODULE": "cuf_cms.settings.production",
    "DATABASE_URL": os.environ.get("BENCH_NEWSLETTER_DB", "postgres://postgres@127.0.0.1:5432/cuf_newsletter_bench"),
    "REDIS_URL": os.environ.get("BENCH_NEWSLETTER_REDIS", "redis://127.0.0.1:6379/15"),
    "EMAIL_URL": f"smtp://127.0.0.1:{SMTP_PORT}",
    "PAGE_CACHE": "0",
    "BASE_URL": f"http://127.0.0.1:{WEB_PORT}",
    "LOG_LEVEL": "WARNING",
    "GUNICORN_ACCESS_LOG": "/dev/null",
}
ENV = bench_env(**OVERRIDES)
os.environ.update(ENV)

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402
from django.db.models import Count  # noqa: E402
from django.utils import timezone  # noqa: E402

from articles.models import ArticlePage  # noqa: E402
from newsletter.choices import SendStatus  # noqa: E402
from newsletter.models import Delivery, NewsletterIndexPage, Send, Subscriber  # noqa: E402
from newsletter.tasks import prepare_send  # noqa: E402
from newsletter.testing import start_smtp  # noqa: E402
from taxonomy.models import Theme  # noqa: E402
from tests.factories import (  # noqa: E402
    ArticlePageFactory,
    EventPageFactory,
    NewsletterIndexPageFactory,
    NewsletterIssuePageFactory,
    ThemeFactory,
    build_site,
)


def manage(*args):
    subprocess.run([sys.executable, "manage.py", *args], cwd=BASE_DIR, env=ENV, check=True)  # noqa: S603


def prepare_content(count):
    """The site, a few articles and events, the issue, and `count` confirmed subscribers (regenerated)."""
    index = NewsletterIndexPage.objects.first()
    if index is None:
        tree = build_site()
        themes = [ThemeFactory(name=name) for name in ("Climat et environnement", "Culture", "Santé")]
        for n in range(12):
            ArticlePageFactory(
                parent=tree["articles"], title=f"Coopération décentralisée, article {n}", themes=themes[:1]
            )
            EventPageFactory(parent=tree["agenda"], title=f"Rencontre du réseau {n}")
        index = NewsletterIndexPageFactory(parent=tree["home"])
    Send.objects.all().delete()
    Subscriber.objects.all().delete()
    issue = index.get_children().live().first()
    issue = issue.specific if issue else NewsletterIssuePageFactory(parent=index, title="Lettre de benchmark")
    now = timezone.now()
    Subscriber.objects.bulk_create(
        (
            Subscriber(email=f"abonne{n:05d}@bench.example", status="confirmed", consent_at=now, confirmed_at=now)
            for n in range(count)
        ),
        batch_size=2000,
    )
    # A fifth of them follow a theme: the targeting query runs, everyone still receives this untagged issue.
    theme = Theme.objects.first()
    ids = list(Subscriber.objects.values_list("pk", flat=True)[: count // 5])
    Subscriber.themes.through.objects.bulk_create(
        [Subscriber.themes.through(subscriber_id=pk, theme_id=theme.pk) for pk in ids], batch_size=2000
    )
    article = ArticlePage.objects.live().first()
    return issue, article.url


def timed_get(path):
    started = time.perf_counter()
    conn = http.client.HTTPConnection("127.0.0.1", WEB_PORT, timeout=30)
    conn.request("GET", path, headers={"Host": "127.0.0.1"})
    response = conn.getresponse()
    response.read()
    conn.close()
    if response.status != 200:
        raise RuntimeError(f"GET {path} answered {response.status}")
    return time.perf_counter() - started


def wait_for_web(path, timeout=180):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            return timed_get(path)
        except (OSError, RuntimeError):
            time.sleep(0.5)
    raise RuntimeError("gunicorn did not answer")


def peak_rss_mb(pid):
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except FileNotFoundError:
        pass
    return 0.0


def summary(latencies):
    ordered = sorted(latencies)
    return statistics.median(ordered), ordered[int(0.95 * (len(ordered) - 1))]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--subscribers", type=int, default=10_000)
    parser.add_argument("--requests", type=int, default=200, help="requests of the baseline loop")
    parser.add_argument("--max-seconds", type=int, default=1200, help="give up on the send after this")
    args = parser.parse_args()

    create_database(ENV["DATABASE_URL"])
    manage("migrate", "--noinput", "-v0")
    manage("collectstatic", "--noinput", "-v0")  # production settings: hashed static files
    issue, article_path = prepare_content(args.subscribers)
    # Tasks already queued (renditions of the pages just published) run first, outside the measure.
    manage("db_worker", "--batch", "--no-startup-delay")
    print(f"{Subscriber.objects.count()} subscribers, issue « {issue.title} », article {article_path}", flush=True)

    smtp, inbox = start_smtp(SMTP_PORT, keep=False)
    log_path = BASE_DIR / "var" / "bench" / "newsletter-gunicorn.log"
    log_path.parent.mkdir(parents=True, exist_ok=True)
    log = open(log_path, "w")  # noqa: SIM115
    web = subprocess.Popen(  # noqa: S603
        [sys.executable, "-m", "gunicorn", "-c", "gunicorn.conf.py", "--bind", f"127.0.0.1:{WEB_PORT}",
         "--workers", "2"],
        cwd=BASE_DIR, env=ENV, stdout=log, stderr=subprocess.STDOUT,
    )  # fmt: skip
    worker = None
    try:
        wait_for_web(article_path)
        before = [timed_get(article_path) for _ in range(args.requests)]

        send = Send.objects.create(issue=issue, subject=issue.title)
        prepare_send.enqueue(send.pk)
        connection.close()
        started = time.perf_counter()
        worker = subprocess.Popen(  # noqa: S603
            [sys.executable, "manage.py", "db_worker", "--interval", "0.2", "--no-startup-delay"],
            cwd=BASE_DIR, env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )  # fmt: skip
        during, peak, finished = [], 0.0, None
        last_check = 0.0
        while time.perf_counter() - started < args.max_seconds:
            during.append(timed_get(article_path))
            peak = max(peak, peak_rss_mb(worker.pid))
            if time.perf_counter() - last_check > 1:
                last_check = time.perf_counter()
                if Send.objects.filter(pk=send.pk, status=SendStatus.DONE).exists():
                    finished = time.perf_counter()
                    break
            time.sleep(0.05)  # a bounded, gentle loop: about 15 requests per second at most
        peak = max(peak, peak_rss_mb(worker.pid))
    finally:
        if worker is not None:
            worker.terminate()
            worker.wait(timeout=30)
        web.terminate()
        web.wait(timeout=30)
        log.close()
        smtp.stop()

    send.refresh_from_db()
    if finished is None:
        print(f"the send did not finish within {args.max_seconds} s: {send.progress()}")
        sys.exit(1)
    elapsed = finished - started
    statuses = dict(Delivery.objects.filter(send=send).values_list("status").annotate(n=Count("pk")))
    (b_med, b_p95), (d_med, d_p95) = summary(before), summary(during)
    print(f"deliveries: {statuses}; SMTP server accepted {inbox.count} messages")
    print(f"send of {send.total} emails: {elapsed:.1f} s, {send.total / elapsed:.0f} emails/s (batches of "
          f"{os.environ.get('NEWSLETTER_BATCH_SIZE', '200')})")  # fmt: skip
    print(f"worker peak RSS: {peak:.0f} MB")
    for label, (median, p95), count in (
        ("before", (b_med, b_p95), len(before)),
        ("during", (d_med, d_p95), len(during)),
    ):
        print(f"article response time {label}: median {median * 1000:.1f} ms, p95 {p95 * 1000:.1f} ms ({count} req.)")
    print(f"ratio during/before: median x{d_med / b_med:.2f}, p95 x{d_p95 / b_p95:.2f}")


if __name__ == "__main__":
    main()
