"""A database made by an older release migrates forward and keeps its content.

Builds a demo database with the code of UPGRADE_FROM (a commit before the apps were restructured),
migrates it with the current code, and compares every page (path, type, title, live), the revision
and image counts, then requests each live page with the test client: all must answer 200.

    python .ci/upgrade_check.py [--from COMMIT] [--database-url URL]
"""

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_FROM = "dee2085"  # main before issue 14 (layered apps, resources/ split from media_library/)

SNAPSHOT = """
import json
from wagtail.models import Page, Revision
from wagtail.images import get_image_model
pages = [
    [page.url_path, page.specific_class.__name__ if page.specific_class else None, page.title, page.live]
    for page in Page.objects.order_by("path")
]
print(json.dumps({"pages": pages, "revisions": Revision.objects.count(), "images": get_image_model().objects.count()}))
"""

VISIT = """
import json
from django.test import Client
from wagtail.models import Page
client = Client()
statuses = {}
for page in Page.objects.live().public().specific().filter(depth__gt=1):
    url = page.get_url()
    statuses[url] = client.get(url, HTTP_HOST="localhost").status_code
print(json.dumps(statuses))
"""


def run(cwd, env, *args, capture=False):
    result = subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=cwd,
        env=env,
        check=True,
        text=True,
        stdout=subprocess.PIPE if capture else None,
    )
    return result.stdout


def snapshot(cwd, env, code):
    return json.loads(run(cwd, env, "shell", "-c", code, capture=True).strip().splitlines()[-1])


def fresh_postgresql_database(url):
    """Drop and create the database that `url` names (on its server's "postgres" database)."""
    import psycopg
    from psycopg import sql

    parts = urlsplit(url)
    name = parts.path.lstrip("/")
    admin_url = urlunsplit(parts._replace(path="/postgres"))
    with psycopg.connect(admin_url, autocommit=True) as connection:
        connection.execute(sql.SQL("DROP DATABASE IF EXISTS {}").format(sql.Identifier(name)))
        connection.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--from", dest="ref", default=DEFAULT_FROM)
    parser.add_argument("--database-url", default="")
    args = parser.parse_args()
    if args.database_url.startswith("postgres"):
        fresh_postgresql_database(args.database_url)
    scratch = Path(tempfile.mkdtemp(prefix="cuf-upgrade-"))
    old_tree = scratch / "old"
    subprocess.run(["git", "worktree", "add", "--detach", str(old_tree), args.ref], cwd=ROOT, check=True)
    try:
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "cuf_cms.settings.dev",
            "DATABASE_URL": args.database_url or f"sqlite:///{scratch / 'upgrade.sqlite3'}",
            "MEDIA_ROOT": str(scratch / "media"),
            "CACHE_DIR": str(scratch / "cache"),
            "PAGE_CACHE": "0",
            "REDIS_URL": "",
        }
        print(f"== demo database made by {args.ref}", flush=True)
        run(old_tree, env, "migrate", "--noinput", "-v0")
        run(old_tree, env, "load_demo_content")
        before = snapshot(old_tree, env, SNAPSHOT)
        print("== migrated forward by the current code", flush=True)
        run(ROOT, env, "migrate", "--noinput", "-v0")
        after = snapshot(ROOT, env, SNAPSHOT)
        statuses = snapshot(ROOT, env, VISIT)
    finally:
        subprocess.run(["git", "worktree", "remove", "--force", str(old_tree)], cwd=ROOT, check=False)
    failures = []
    if before != after:
        lost = [page for page in before["pages"] if page not in after["pages"]]
        failures.append(
            f"content differs: {len(before['pages'])} pages before, {len(after['pages'])} after; "
            f"changed or lost: {lost[:5]}; revisions {before['revisions']}→{after['revisions']}, "
            f"images {before['images']}→{after['images']}"
        )
    broken = {url: status for url, status in statuses.items() if status != 200}
    if broken:
        failures.append(f"pages that no longer answer 200: {broken}")
    print(
        f"{len(after['pages'])} pages, {after['revisions']} revisions, {after['images']} images kept; "
        f"{len(statuses)} live pages requested, {len(statuses) - len(broken)} answered 200"
    )
    if failures:
        print("FAIL: " + "\n".join(failures))
        return 1
    print("PASS")
    return 0


if __name__ == "__main__":
    sys.exit(main())
