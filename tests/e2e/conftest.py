"""Browser suite: serves the demo site with gunicorn on a scratch SQLite file and drives Debian's chromium.

The demo database (migrate + load_demo_content, ~1-2 minutes) is cached in var/e2e/ under a hash of
the code that shapes it (tests/e2e/demo_db.py, shared with `make validate`), so a second run starts in
seconds; E2E_FRESH_DB=1 rebuilds it.
"""

import contextlib
import os
import shutil
import subprocess
import sys
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from newsletter.testing import start_smtp
from tests.e2e import demo_db
from tests.e2e.demo_db import ROOT

PORT = int(os.environ.get("E2E_PORT", "8830"))
BASE_URL = f"http://127.0.0.1:{PORT}"
DEMO_PASSWORD = demo_db.DEMO_PASSWORD
CHROMIUM = os.environ.get("E2E_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
ARTIFACTS = ROOT / "artifacts" / "e2e"
# The SMTP server every email of the e2e server goes to (aiosmtpd; the newsletter story reads it).
SMTP_PORT = int(os.environ.get("E2E_SMTP_PORT", str(PORT + 40)))


@pytest.fixture(scope="session")
def smtp_inbox():
    """Messages sent by the e2e server (an aiosmtpd server on 127.0.0.1:SMTP_PORT)."""
    controller, inbox = start_smtp(SMTP_PORT)
    yield inbox
    controller.stop()


@pytest.fixture(scope="session")
def server_env(smtp_inbox):
    """Environment of the server process: its database, media, cache and static folders (var/e2e/run/)."""
    work = ROOT / "var" / "e2e" / "run"
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "tests.e2e.settings",
        "PYTHONPATH": str(ROOT),
        "DATABASE_URL": f"sqlite:///{work / 'db.sqlite3'}",
        "MEDIA_ROOT": str(work / "media"),
        "CACHE_DIR": str(work / "cache"),
        "E2E_STATIC_ROOT": str(work / "static"),
        "E2E_PORT": str(PORT),
        "BASE_URL": BASE_URL,
        "E2E_SMTP_PORT": str(SMTP_PORT),
        "DEMO_PASSWORD": DEMO_PASSWORD,
    }
    env.pop("REDIS_URL", None)
    if demo_db.restore_or_build(env, work / "db.sqlite3", work / "media"):
        env["E2E_CACHED"] = "1"
    demo_db.manage(env, "collectstatic", "--noinput", "-v0")
    env["E2E_DB_PATH"] = str(work / "db.sqlite3")
    return env


@pytest.fixture(scope="session")
def live_url(server_env):
    """Base URL of a gunicorn server (production-like settings, DEBUG off) on the demo content."""
    log = open(Path(server_env["CACHE_DIR"]).parent / "server.log", "w")  # noqa: SIM115
    process = subprocess.Popen(  # noqa: S603
        [
            sys.executable, "-m", "gunicorn", "cuf_cms.wsgi:application",
            "--bind", f"127.0.0.1:{PORT}", "--workers", "2", "--threads", "4", "--timeout", "600",
            "--control-socket", str(Path(server_env["CACHE_DIR"]).parent / "gunicorn.ctl"),
        ],
        cwd=ROOT, env=server_env, stdout=log, stderr=subprocess.STDOUT,
    )  # fmt: skip
    # The worker, as in production: the server only queues emails and renditions; it delivers the
    # emails to the suite's SMTP server (smtp_inbox).
    worker_log = open(Path(server_env["CACHE_DIR"]).parent / "worker.log", "w")  # noqa: SIM115
    worker = subprocess.Popen(  # noqa: S603
        [sys.executable, "manage.py", "db_worker", "--no-reload", "--no-startup-delay", "--interval", "0.2"],
        cwd=ROOT, env=server_env, stdout=worker_log, stderr=subprocess.STDOUT,
    )  # fmt: skip
    try:
        demo_db.wait_until_up(process, BASE_URL + "/admin/login/", "var/e2e/run/server.log")
        yield BASE_URL
    finally:
        for running in (process, worker):
            running.terminate()
            try:
                running.wait(timeout=20)
            except subprocess.TimeoutExpired:
                running.kill()
        log.close()
        worker_log.close()


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield browser
        browser.close()


@pytest.fixture
def new_page(browser, live_url):
    """Factory of pages in fresh contexts: new_page(width=375, **context options)."""
    contexts = []

    def make(width=1280, height=900, **options):
        context = browser.new_context(
            base_url=live_url, viewport={"width": width, "height": height}, locale="fr-FR", **options
        )
        context.set_default_timeout(20_000)
        contexts.append(context)
        return context.new_page()

    yield make
    for context in contexts:
        context.close()


@pytest.fixture(scope="session")
def artifacts_dir():
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return ARTIFACTS


@pytest.fixture(scope="session")
def site_pages(browser, live_url, server_env):
    """Path of every page type of tests/e2e/pages.py on this demo site (None: not served by this site)."""
    from tests.e2e.pages import discover

    context = browser.new_context(base_url=live_url)
    context.set_default_timeout(600_000)
    try:
        paths = discover(context.new_page(), live_url, server_env["E2E_DB_PATH"])
    finally:
        context.close()
    if not server_env.get("E2E_CACHED"):
        # A fresh database has no image renditions yet: make them once, slowly, then keep them.
        for path in filter(None, paths.values()):
            with contextlib.suppress(urllib.error.HTTPError):  # the 404 page answers 404
                urllib.request.urlopen(live_url + path, timeout=600).close()  # noqa: S310
        demo_db.save_cache(server_env["E2E_DB_PATH"], server_env["MEDIA_ROOT"])
    return paths


@pytest.fixture
def page_path(site_pages):
    """page_path(page type) -> path, skipping (visibly, with the reason) a type this site does not serve yet."""

    def get(page_type):
        path = site_pages[page_type]
        if path is None:
            pytest.skip(f"« {page_type} » n’est pas servi par ce site (route absente de cette branche)")
        return path

    return get
