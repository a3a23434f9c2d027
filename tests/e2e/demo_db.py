"""The demo database the browser suite and `make validate` serve: built once (migrate + load_demo_content +
one worker pass + the image renditions the pages ask for, a few minutes), then cached in
var/e2e/demo/<hash of the code that shapes it>/ and copied for each run (seconds). E2E_FRESH_DB=1 rebuilds.

No pytest here: tools/validators/run.py uses it outside pytest.
"""

import hashlib
import os
import shutil
import sqlite3
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parents[2]
# Code whose change can change the demo database: every app, the project and the requirements.
APPS = sorted(path.name for path in ROOT.iterdir() if (path / "apps.py").is_file())
DB_INPUTS = [*APPS, "cuf_cms", "requirements.txt"]
# The demo accounts' password, in the cached database: the browser suite and `make validate` share the
# cache, so whichever builds it must give the accounts the password the browser suite logs in with.
DEMO_PASSWORD = os.environ.get("E2E_DEMO_PASSWORD", "e2e-Demo-mot-de-passe-8")


def db_key():
    digest = hashlib.sha256()
    for name in DB_INPUTS:
        path = ROOT / name
        files = [path] if path.is_file() else sorted(p for p in path.rglob("*") if p.is_file())
        for file in files:
            if "__pycache__" in file.parts:
                continue
            digest.update(str(file.relative_to(ROOT)).encode())
            digest.update(file.read_bytes())
    return digest.hexdigest()[:16]


def cache_dir():
    return ROOT / "var" / "e2e" / "demo" / db_key()


def manage(env, *args, **kwargs):
    return subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=env, check=True, **kwargs)  # noqa: S603


def restore_or_build(env, db_path, media_root):
    """Copy the cached demo database and media to db_path/media_root, or build them (not cached yet).

    Returns True when the cache was used. A built database has no image renditions yet: serve every
    page once, then save_cache().
    """
    cached = cache_dir()
    if cached.is_dir() and not os.environ.get("E2E_FRESH_DB"):
        shutil.copy(cached / "db.sqlite3", db_path)
        shutil.copytree(cached / "media", media_root)
        set_default_site(db_path, env["BASE_URL"])
        return True
    manage(env, "migrate", "--noinput", "-v0")
    manage(env, "load_demo_content")
    # What the demo load queued (search index, reference index, renditions) runs once, as in CI.
    manage(env, "db_worker", "--batch", "--no-reload", "--no-startup-delay", "-v0")
    return False


def set_default_site(db_path, base_url):
    """The default Site on this run's address, as `migrate` would set it (core/origin.py): the cache may
    have been built by a run on another port."""
    parts = urlsplit(base_url)
    port = parts.port or (443 if parts.scheme == "https" else 80)
    with sqlite3.connect(db_path) as db:
        db.execute("UPDATE wagtailcore_site SET hostname = ?, port = ? WHERE is_default_site", (parts.hostname, port))


def save_cache(db_path, media_root):
    """Keep the demo database and its media, renditions included, for the next run."""
    cached = cache_dir()
    shutil.rmtree(cached.parent, ignore_errors=True)
    cached.mkdir(parents=True)
    with sqlite3.connect(db_path) as source, sqlite3.connect(cached / "db.sqlite3") as target:
        source.backup(target)
    shutil.copytree(media_root, cached / "media")


def wait_until_up(process, url, log_path, timeout=90):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"the server stopped (exit code {process.returncode}), see {log_path}")
        try:
            with urllib.request.urlopen(url, timeout=5) as response:  # noqa: S310
                if response.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        time.sleep(0.5)
    raise RuntimeError(f"the server did not answer on {url}")
