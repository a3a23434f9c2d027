"""The demo site served for `make validate`: production settings, gunicorn on 127.0.0.1:VALIDATE_PORT,
and the requests the checks make to it (no redirect followed)."""

import os
import re
import secrets
import shutil
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

from tests.e2e import demo_db, pages

ROOT = Path(__file__).resolve().parents[2]
PORT = int(os.environ.get("VALIDATE_PORT", "8850"))
BASE_URL = f"http://127.0.0.1:{PORT}"
WORK = ROOT / "var" / "validate"


def server_env(work):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "cuf_cms.settings.production",
        "PYTHONPATH": str(ROOT),
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "127.0.0.1",
        "BASE_URL": BASE_URL,
        "DATABASE_URL": f"sqlite:///{work / 'db.sqlite3'}",
        "MEDIA_ROOT": str(work / "media"),
        "CACHE_DIR": str(work / "cache"),
        "STATIC_ROOT": str(WORK / "static"),  # kept between runs: collectstatic only adds what changed
        "SERVE_MEDIA": "1",  # no front server here: gunicorn serves /media/ with its hardening headers
        # Plain HTTP on 127.0.0.1: no redirect to HTTPS, cookies without the Secure flag.
        "SECURE_SSL_REDIRECT": "0",
        "SECURE_COOKIES": "0",
        "EMAIL_URL": "dummy://",
        "DEMO_PASSWORD": demo_db.DEMO_PASSWORD,  # the cache is the browser suite's too (demo_db.py)
        "GUNICORN_BIND": f"127.0.0.1:{PORT}",
        "WEB_CONCURRENCY": "2",
        "GUNICORN_THREADS": "4",
        "GUNICORN_TIMEOUT": "300",
        "GUNICORN_ACCESS_LOG": str(work / "access.log"),
        "GUNICORN_LOG_LEVEL": "warning",
        "LOG_LEVEL": "WARNING",
    }
    env.pop("REDIS_URL", None)
    return env


# One process for the three release steps (each manage.py start costs seconds).
RELEASE_STEPS = """
import django
django.setup()
from django.core.management import call_command
call_command("migrate", interactive=False, verbosity=0)
from wagtail.models import Site
print("Site:", Site.objects.get(is_default_site=True).root_url)
call_command("check", deploy=True, fail_level="ERROR")
call_command("collectstatic", interactive=False, verbosity=0)
"""


def prepare(work, env, report):
    started = time.monotonic()
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    cached = demo_db.restore_or_build(env, work / "db.sqlite3", work / "media")
    report.timings["demo database" + (" (cached)" if cached else " (built)")] = time.monotonic() - started
    started = time.monotonic()
    result = subprocess.run(  # noqa: S603
        [sys.executable, "-c", RELEASE_STEPS], cwd=ROOT, env=env, capture_output=True, text=True, check=False
    )
    report.timings["migrate, check --deploy, collectstatic"] = time.monotonic() - started
    site = next((line for line in result.stdout.splitlines() if line.startswith("Site:")), "")
    if result.returncode != 0:
        print(result.stdout, result.stderr, sep="\n")
        raise SystemExit("migrate / check --deploy / collectstatic failed with the production settings (above)")
    print(f"Production settings: migrate, check --deploy (no error), collectstatic. {site} (BASE_URL {BASE_URL})")
    if site != f"Site: {BASE_URL}":
        raise SystemExit(f"migrate did not move the default Site onto BASE_URL ({site})")
    return cached


def start_server(work, env):
    log = open(work / "server.log", "w")  # noqa: SIM115 - closed by stop_server
    process = subprocess.Popen(  # noqa: S603
        [sys.executable, "-m", "gunicorn", "-c", "gunicorn.conf.py"],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    process.log = log
    demo_db.wait_until_up(process, BASE_URL + "/healthz", work / "server.log")
    return process


def stop_server(process):
    process.terminate()
    try:
        process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        process.kill()
    process.log.close()


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


OPENER = urllib.request.build_opener(NoRedirect)


def fetch(url):
    """(status, headers, body bytes) without following redirects."""
    url = url if url.startswith("http") else BASE_URL + url
    try:
        with OPENER.open(url, timeout=120) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


def first_link(listing, selector):
    """The href of the first `<a>` inside an element of class C, for a selector ".C a" (tests/e2e/pages.py)."""
    css_class = re.fullmatch(r"\.([\w-]+) a", selector).group(1)
    html = fetch(listing)[2].decode()
    match = re.search(rf'class="(?:[^"]* )?{re.escape(css_class)}(?: [^"]*)?"', html)
    link = re.compile(r'<a [^>]*href="([^"]+)"').search(html, match.end()) if match else None
    return link.group(1) if link else None


def discover_pages(work):
    paths = pages.discover_with(first_link, BASE_URL, work / "db.sqlite3")
    found = {}
    for name, path in paths.items():
        if path is None:
            print(f"  {name}: not served by this site, skipped")
            continue
        status, headers, body = fetch(path)
        found[name] = {"path": path, "status": status, "html": body.decode("utf-8", "replace")}
    return found
