"""make bench-import: import the large SPIP fixture (3,000 articles, 6,000 documents) into PostgreSQL.

Prints the import time, peak memory (max RSS), queries per article, the time of a second run (nothing
changed), and the cost of an old-URL redirect against an article page that misses the page cache
(in-process, Django test client, N requests each, median of three rounds).

    python -m bench.import_spip [--rounds 3] [--requests 200] [--keep]

Database: SPIP_BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/cuf_spip_bench), recreated
unless --keep; Redis db 11; the fixture in var/bench/spip/ (generated once).
"""

import argparse
import os
import resource
import statistics
import sys
import time

from bench.env import BASE_DIR, create_database, setup_django

DATABASE_URL = os.environ.get("SPIP_BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/cuf_spip_bench")
FIXTURE_DIR = BASE_DIR / "var" / "bench" / "spip"
SIZE = "large"


class QueryCounter:
    def __init__(self):
        self.count = 0

    def __call__(self, execute, sql, params, many, context):
        self.count += 1
        return execute(sql, params, many, context)


def drop_database(url):
    import psycopg

    server, name = url.rsplit("/", 1)[0] + "/postgres", url.rsplit("/", 1)[1]
    with psycopg.connect(server, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def prepare(keep):
    if not keep:
        drop_database(DATABASE_URL)
    create_database(DATABASE_URL)
    setup_django(
        DATABASE_URL=DATABASE_URL, REDIS_URL="redis://127.0.0.1:6379/11", MEDIA_ROOT=str(FIXTURE_DIR / "media")
    )
    from asgiref.local import Local
    from django.test.utils import override_settings
    from django_tasks import task_backends

    # Tasks (search index, reference index, renditions) are queued for the worker (django-tasks), not run
    # inline: the figures are the import's own cost. Tasks declared at import time already built the
    # backend from the old setting: build it again.
    override_settings(TASKS={"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}).enable()
    task_backends.__dict__.pop("settings", None)
    task_backends._settings, task_backends._connections = None, Local(False)
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    call_command("collectstatic", interactive=False, verbosity=0)  # production settings: hashed static files
    from wagtail.models import Page, Site

    from home.models import HomePage

    if not HomePage.objects.exists():
        home = HomePage(title="Accueil", slug="accueil")
        Page.get_first_root_node().add_child(instance=home)
        home.save_revision().publish()
        site = Site.objects.get(is_default_site=True)
        old_root, site.root_page = site.root_page, home
        site.save()
        if old_root.pk != home.pk:
            old_root.delete()


def fixture():
    from spip_import.fixtures import generate

    backup = FIXTURE_DIR / "cuf_20261201.sqlite"
    if not backup.exists():
        started = time.perf_counter()
        generate(FIXTURE_DIR, size=SIZE, seed=17)
        print(f"fixture generated in {time.perf_counter() - started:.1f} s", flush=True)
    return backup, FIXTURE_DIR / "IMG"


def timed_import(backup, img_dir):
    from django.db import connection

    from spip_import.importer.run import Importer
    from spip_import.mapping import Mapping

    counter = QueryCounter()
    started = time.perf_counter()
    with connection.execute_wrapper(counter):
        importer = Importer(
            backup, Mapping.load(), img_dir=img_dir, csv_dir=BASE_DIR / "var" / "spip_import", progress=True
        )
        run = importer.run()
    return time.perf_counter() - started, counter.count, run


def request_costs(requests, rounds):
    from django.test import Client
    from wagtail.models import Page

    from pagecache.purge import purge_all
    from spip_import.models import SpipImportedObject

    live = Page.objects.live().values("pk")  # drafts (SPIP's "prop"/"prepa") answer 404
    articles = list(
        SpipImportedObject.objects.filter(spip_type="article", object_id__in=live)
        .exclude(url="")
        .order_by("spip_id")
        .values_list("spip_id", "url")[:requests]
    )
    client = Client(HTTP_HOST="127.0.0.1")
    results = {"redirect": [], "miss": []}
    for _ in range(rounds):
        purge_all()
        started = time.perf_counter()
        for spip_id, _url in articles:
            assert client.get(f"/spip.php?article{spip_id}").status_code == 301
        results["redirect"].append((time.perf_counter() - started) / len(articles))
        purge_all()  # every article request below misses the page cache
        started = time.perf_counter()
        for _spip_id, url in articles:
            assert client.get(url).status_code == 200
        results["miss"].append((time.perf_counter() - started) / len(articles))
    return {key: statistics.median(values) for key, values in results.items()}


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--keep", action="store_true", help="keep the database (an interrupted run resumes)")
    parser.add_argument("--size", choices=["small", "large"], default="large", help="fixture size")
    args = parser.parse_args(argv)
    global DATABASE_URL, FIXTURE_DIR, SIZE  # noqa: PLW0603 - one run per process
    if args.size != "large":
        SIZE, DATABASE_URL, FIXTURE_DIR = args.size, f"{DATABASE_URL}_{args.size}", FIXTURE_DIR / args.size
    backup, img_dir = fixture()
    prepare(args.keep)
    from spip_import.source import Backup

    n_articles = len(Backup(backup).articles)
    first, queries, run = timed_import(backup, img_dir)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        f"first run: {first:.1f} s, {queries} queries ({queries / n_articles:.1f} per article), "
        f"peak RSS {peak_mb:.0f} MB; totals {run.totals()}",
        flush=True,
    )
    second, queries2, run2 = timed_import(backup, img_dir)
    print(f"second run (nothing changed): {second:.1f} s, {queries2} queries; totals {run2.totals()}", flush=True)
    costs = request_costs(args.requests, args.rounds)
    ratio = costs["redirect"] / costs["miss"]
    print(
        f"old URL → 301: {costs['redirect'] * 1000:.1f} ms; article, cache miss: {costs['miss'] * 1000:.1f} ms; "
        f"redirect / miss = {ratio:.2f}",
        flush=True,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
