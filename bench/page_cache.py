"""Page-cache figures: hit ratio, warm rps against a bare Django view, purge-to-fresh latency, and rps
with junk query strings or a csrftoken cookie.

    python bench/page_cache.py            # from the repository root; PostgreSQL and Redis running

It creates (once) a scratch PostgreSQL database with the demo content, serves the site and a bare
"ok" Django view (bench/bare_app.py) with the same gunicorn settings and production settings,
drives both with wrk (installed with apt-get when missing) and prints a table; the JSON goes to
bench/results/page_cache.json. Environment: BENCH_DATABASE_URL, BENCH_REDIS_URL, BENCH_PORT
(the site; the bare view uses BENCH_PORT+1), BENCH_WORKERS, BENCH_DURATION, BENCH_CONNECTIONS.
"""

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
DATABASE_URL = os.environ.get("BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/cuf_wt10_bench")
REDIS_URL = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/10")
PORT = int(os.environ.get("BENCH_PORT", "9001"))
WORKERS = int(os.environ.get("BENCH_WORKERS", str(os.cpu_count() or 2)))
DURATION = int(os.environ.get("BENCH_DURATION", "10"))
CONNECTIONS = int(os.environ.get("BENCH_CONNECTIONS", "16"))
SITE = f"http://127.0.0.1:{PORT}"
BARE = f"http://127.0.0.1:{PORT + 1}"

ENV = {
    **os.environ,
    "DJANGO_SETTINGS_MODULE": "cuf_cms.settings.production",
    "SECRET_KEY": "bench-only-secret-key-not-for-production",
    "ALLOWED_HOSTS": "127.0.0.1,localhost",
    "DATABASE_URL": DATABASE_URL,
    "REDIS_URL": REDIS_URL,
    "CACHE_KEY_PREFIX": "cuf-bench",
    "PAGE_CACHE": "1",
    "DEMO_PASSWORD": "bench-demo-password",
}

# The publisher: Django is set up before the signal, so only the publish itself is timed.
PUBLISHER = """
import sys, time, django
django.setup()
from articles.models import ArticlePage
page = ArticlePage.objects.live().order_by("-date").first()
print(page.url, flush=True)
sys.stdin.readline()
page.title = sys.argv[1]
started = time.time()
page.save_revision().publish()
print(started, time.time(), flush=True)
"""


def manage(*args):
    subprocess.run([PYTHON, "manage.py", *args], cwd=ROOT, env=ENV, check=True, stdout=subprocess.DEVNULL)


def prepare():
    if os.environ.get("BENCH_SKIP_PREPARE") == "1":  # the database is already migrated and loaded
        manage("purge_page_cache")
        return
    if not shutil.which("wrk"):
        subprocess.run(["apt-get", "install", "-y", "wrk"], check=True)
    name = DATABASE_URL.rsplit("/", 1)[1]
    server = DATABASE_URL.rsplit("/", 1)[0] + "/postgres"
    exists = subprocess.run(
        ["psql", server, "-tAc", f"SELECT 1 FROM pg_database WHERE datname = '{name}'"],  # noqa: S608
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    if not exists:
        subprocess.run(["psql", server, "-c", f'CREATE DATABASE "{name}"'], check=True, stdout=subprocess.DEVNULL)
    manage("migrate", "--noinput")
    manage("load_demo_content")
    manage("collectstatic", "--noinput")
    manage("purge_page_cache")


def gunicorn(app, port, logdir):
    command = [PYTHON, "-m", "gunicorn", app, "--bind", f"127.0.0.1:{port}", "--workers", str(WORKERS)]
    # A long timeout: the first (cold) visit creates image renditions, slow on a busy machine.
    command += ["--worker-class", "sync", "--timeout", "600", "--log-level", "warning"]
    log = open(Path(logdir) / f"gunicorn-{port}.log", "w")  # noqa: SIM115
    process = subprocess.Popen(command, cwd=ROOT, env=ENV, stdout=log, stderr=subprocess.STDOUT)
    for _ in range(300):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/static/css/site.css", timeout=5)  # noqa: S310
            return process
        except urllib.error.HTTPError:
            return process
        except OSError:
            time.sleep(0.2)
    process.terminate()
    raise SystemExit(f"gunicorn on port {port} did not start; see {log.name}")


def wrk(url, *, header=None, script=None):
    command = ["wrk", "-t", "2", "-c", str(CONNECTIONS), "-d", f"{DURATION}s", "--latency"]
    if header:
        command += ["-H", header]
    if script:
        command += ["-s", script]
    output = subprocess.run([*command, url], capture_output=True, text=True, check=True).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    p99 = re.search(r"99%\s+([\d.]+)(us|ms|s)", output)
    scale = {"us": 0.001, "ms": 1, "s": 1000}
    return {
        "rps": rps,
        "non_2xx": int(errors.group(1)) if errors else 0,
        "p99_ms": float(p99.group(1)) * scale[p99.group(2)] if p99 else None,
    }


def fetch(url, headers=None):
    request = urllib.request.Request(url, headers=headers or {})  # noqa: S310 (http://127.0.0.1 only)
    with urllib.request.urlopen(request, timeout=600) as response:  # noqa: S310
        return response.headers.get("X-Page-Cache", ""), response.read().decode()


def hit_ratio(paths):
    """Visit each URL, then again with junk parameters and visitor cookies, as a visitor mix would."""
    states = []
    variants = [("", {}), ("?utm_source=lettre&fbclid=x", {}), ("", {"Cookie": "csrftoken=abcdef; _pk_id=1"})]
    for _round in range(5):
        for path in paths:
            for suffix, headers in variants:
                joiner = "&" if "?" in path and suffix else ""
                url = SITE + path + (suffix.replace("?", joiner, 1) if joiner else suffix)
                states.append(fetch(url, headers)[0])
    hits = sum(state.startswith("hit") for state in states)
    return hits / len(states), len(states)


def purge_to_fresh():
    """Publish a new title from another process; time until the site serves it."""
    title = f"Titre republié {time.time_ns()}"
    publisher = subprocess.Popen(
        [PYTHON, "-c", PUBLISHER, title], cwd=ROOT, env=ENV, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    path = publisher.stdout.readline().strip()
    fetch(SITE + path)
    assert fetch(SITE + path)[0] == "hit"
    seen = {}

    def poll():
        while "at" not in seen:
            state, body = fetch(SITE + path)
            if title in body:
                seen["at"] = time.time()
                seen["state"] = state

    poller = threading.Thread(target=poll)
    poller.start()
    publisher.stdin.write("go\n")
    publisher.stdin.flush()
    started, finished = (float(value) for value in publisher.stdout.readline().split())
    poller.join(timeout=30)
    publisher.wait()
    return {
        "publish_ms": round((finished - started) * 1000, 1),
        "fresh_after_publish_returned_ms": round((seen["at"] - finished) * 1000, 1),
        "fresh_after_publish_started_ms": round((seen["at"] - started) * 1000, 1),
    }


def main():
    prepare()
    paths = ["/", "/actualites/", "/actualites/?pays=liban", "/agenda/", "/centre-de-ressources/"]
    with tempfile.TemporaryDirectory() as logdir:
        site = gunicorn("cuf_cms.wsgi:application", PORT, logdir)
        bare = gunicorn("bench.bare_app:application", PORT + 1, logdir)
        try:
            for path in paths:  # cold visits: renditions are created once, before anything is measured
                fetch(SITE + path)
            fetch(SITE + "/actualites/?utm_source=warm")
            article = re.search(r'href="(/actualites/[^"?]+/)"', fetch(SITE + "/actualites/")[1]).group(1)
            paths.append(article)
            ratio, visits = hit_ratio(paths)
            results = {"workers": WORKERS, "connections": CONNECTIONS, "duration_s": DURATION}
            results["hit_ratio"] = {"ratio": round(ratio, 3), "requests": visits}
            results["bare_ok"] = wrk(BARE + "/")
            for name, path in [("home", "/"), ("article", article), ("listing", "/actualites/?pays=liban")]:
                fetch(SITE + path)
                results[name] = wrk(SITE + path)
            with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as script:
                script.write(
                    "counter = 0\nrequest = function()\n  counter = counter + 1\n"
                    '  return wrk.format("GET", "/actualites/?utm_source=n" .. counter .. "&r=" .. math.random(1e9))\n'
                    "end\n"
                )
            results["junk_query"] = wrk(SITE + "/", script=script.name)
            os.unlink(script.name)
            results["csrftoken_cookie"] = wrk(SITE + "/", header="Cookie: csrftoken=QWERTYUIOPASDFGHJKLZXCVBNM12345")
            results["purge_to_fresh"] = purge_to_fresh()
        finally:
            for process in (site, bare):
                process.terminate()
                process.wait(timeout=30)

    bare_rps = results["bare_ok"]["rps"]
    print(f"\nPage cache — gunicorn {WORKERS} sync workers, wrk {CONNECTIONS} connections × {DURATION} s")
    print(f"hit ratio (visitor mix of {visits} requests): {results['hit_ratio']['ratio']:.1%}")
    print(f"{'what':<20}{'rps':>10}{'× bare':>9}{'p99 ms':>9}{'non-2xx':>9}")
    for name in ("bare_ok", "home", "article", "listing", "junk_query", "csrftoken_cookie"):
        row = results[name]
        row["ratio_to_bare"] = round(row["rps"] / bare_rps, 3)
        print(f"{name:<20}{row['rps']:>10.0f}{row['ratio_to_bare']:>9.2f}{row['p99_ms'] or 0:>9.1f}{row['non_2xx']:>9}")
    purge = results["purge_to_fresh"]
    print(
        f"purge to fresh: publish took {purge['publish_ms']} ms; new title served "
        f"{purge['fresh_after_publish_returned_ms']} ms after publish() returned"
    )
    out = ROOT / "bench" / "results"
    out.mkdir(exist_ok=True)
    (out / "page_cache.json").write_text(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
