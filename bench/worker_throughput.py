"""Throughput of the background worker, and the web server's response time while it works.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/cuf_worker_bench python bench/worker_throughput.py \
        [--tasks 1000] [--workers 1] [--port 8858] [--requests 200]

Migrates the database named by DATABASE_URL (PostgreSQL: the production case; a throw-away SQLite file
when unset), enqueues `--tasks` small tasks (`bench.worker_tasks.small_task`: one query and a
little JSON, like an email's bookkeeping without the SMTP round trip), starts gunicorn (production
settings, 2 workers) and measures the latency of `/healthz` (database + cache) and of a 404 page
(URL resolution, the site tree, a template) idle, then while `--workers` `db_worker --batch`
processes drain the queue. Prints tasks/s and p50/p95 of both URLs idle and during the run.
"""

import argparse
import os
import secrets
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

import django

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
ENV = {
    "PYTHONUNBUFFERED": "1",
    "DJANGO_SETTINGS_MODULE": "cuf_cms.settings.production",
    "SECRET_KEY": secrets.token_urlsafe(50),
    "ALLOWED_HOSTS": "127.0.0.1",
    "BASE_URL": "http://127.0.0.1",
    "SECURE_SSL_REDIRECT": "0",
    "WEB_CONCURRENCY": "2",
    "GUNICORN_ACCESS_LOG": os.devnull,
    "LOG_LEVEL": "WARNING",
    "PYTHONPATH": str(ROOT),
    "DATABASE_URL": os.environ.get("DATABASE_URL") or f"sqlite:///{tempfile.mkdtemp()}/bench.sqlite3",
}
os.environ.update(ENV)
django.setup()

from django_tasks_db.models import DBTaskResult  # noqa: E402

from bench.worker_tasks import small_task  # noqa: E402


def get(url):
    started = time.perf_counter()
    try:
        with urllib.request.urlopen(url, timeout=10) as response:  # noqa: S310
            response.read()
    except urllib.error.HTTPError as error:
        error.read()
    return (time.perf_counter() - started) * 1000


def latencies(base, count, stop=None):
    results = {"/healthz": [], "/page-absente/": []}
    while len(results["/healthz"]) < count and not (stop and stop.is_set()):
        for path, values in results.items():
            values.append(get(base + path))
    return results


def summary(values):
    ordered = sorted(values)
    p95 = ordered[int(len(ordered) * 0.95) - 1]
    return f"p50 {statistics.median(ordered):6.1f} ms  p95 {p95:6.1f} ms  (n={len(ordered)})"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tasks", type=int, default=1000)
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--port", type=int, default=8858)
    parser.add_argument("--requests", type=int, default=200)
    args = parser.parse_args()

    env = dict(os.environ)
    manage = [sys.executable, str(ROOT / "manage.py")]
    print(f"database: {env['DATABASE_URL'].split('@')[-1]}; migrating…", flush=True)
    subprocess.run([*manage, "migrate", "--noinput", "-v0"], check=True, env=env, cwd=ROOT)

    DBTaskResult.objects.filter(task_path__startswith="bench.").delete()
    started = time.perf_counter()
    for number in range(args.tasks):
        small_task.enqueue(number)
    print(f"enqueued {args.tasks} tasks in {time.perf_counter() - started:.2f} s "
          f"({args.tasks / (time.perf_counter() - started):.0f}/s, one INSERT each)")  # fmt: skip

    base = f"http://127.0.0.1:{args.port}"
    web = subprocess.Popen([sys.executable, "-m", "gunicorn", "-c", "gunicorn.conf.py", "--bind",  # noqa: S603
                            f"127.0.0.1:{args.port}", "--no-control-socket"], cwd=ROOT, env=env)  # fmt: skip
    try:
        deadline = time.monotonic() + 600  # gunicorn preloads the app: slow on a busy machine
        while True:
            try:
                get(base + "/healthz")
                break
            except OSError:
                if time.monotonic() > deadline or web.poll() is not None:
                    raise
                time.sleep(0.5)
        latencies(base, 20)  # warm up
        idle = latencies(base, args.requests)

        command = [*manage, "db_worker", "--batch", "--no-reload", "--no-startup-delay", "-v0"]
        started = time.perf_counter()
        workers = [subprocess.Popen(command, cwd=ROOT, env=env) for _ in range(args.workers)]  # noqa: S603
        stop = threading.Event()
        busy = {}
        sampler = threading.Thread(target=lambda: busy.update(latencies(base, 10**9, stop)))
        sampler.start()
        for worker in workers:
            worker.wait()
        elapsed = time.perf_counter() - started
        stop.set()
        sampler.join()
    finally:
        web.terminate()
        web.wait(timeout=20)

    done = DBTaskResult.objects.filter(task_path__startswith="bench.", status="SUCCESSFUL").count()
    print(f"\n{args.workers} worker(s): {done} of {args.tasks} tasks in {elapsed:.1f} s = {done / elapsed:.0f} tasks/s "
          "(including each process's start, ~1-2 s)")  # fmt: skip
    for path in idle:
        print(f"{path:16} idle   {summary(idle[path])}")
        print(f"{path:16} during {summary(busy[path])}")


if __name__ == "__main__":
    main()
