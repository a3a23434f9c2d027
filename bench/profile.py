"""Where a cold request spends its time: python -m bench.profile [--only home,search] [--top 25] [--save].

`make profile`. On the benchmark database (bench/env.py; `make bench-data` first), with the production
settings, the page cache off and the fragment caches off (FRAGMENT_CACHE=0: nothing reused from an
earlier request but what a long-running worker keeps in memory), for each page type: every URL is
requested once (a worker that has served for a while has its templates and content types loaded),
then every cache is cleared and one request is profiled with cProfile. Prints, per page: the SQL
query count, the number of Python function calls (deterministic: compare runs by it rather than by
time on a shared machine), the profiled time, then the top functions by cumulative and by own time.
--second profiles the request after that one (renditions and site root paths cached again, as for
all but the first request of the benchmark's cold run); --fragments --second is what the first
visitor after a publish pays (fragments of unchanged pages reused).
--save writes each profile to bench/results/profile/<name>.prof (snakeviz, pstats).
"""

import argparse
import cProfile
import gc
import io
import os
import pstats
import sys
import time

from bench.env import RESULTS_DIR, setup_django

PAGE_TYPES = ("home", "news_page_1", "article", "search", "ical", "sitemap_page", "admin_explorer")


def parse_args(argv):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", default="", help=f"comma-separated page types (default: {','.join(PAGE_TYPES)})")
    parser.add_argument("--top", type=int, default=20, help="functions listed per table")
    parser.add_argument("--save", action="store_true", help="write bench/results/profile/<name>.prof")
    parser.add_argument("--fragments", action="store_true", help="fragment caches on (FRAGMENT_CACHE=1)")
    parser.add_argument(
        "--second",
        action="store_true",
        help="profile a second request: the caches the first one filled (renditions, site root paths, with "
        "--fragments the fragments) are warm, as for most requests of the benchmark's cold run",
    )
    return parser.parse_args(argv)


def clear_caches():
    from django.core.cache import caches

    for alias in caches:
        caches[alias].clear()


def stats_table(profile, sort, top):
    out = io.StringIO()
    stats = pstats.Stats(profile, stream=out)
    stats.strip_dirs().sort_stats(sort).print_stats(top)
    text = out.getvalue()
    # pstats prints a header (totals, ordering) before the table: keep the table only.
    start = text.find("   ncalls")
    return stats.total_calls, text[start:].rstrip() if start >= 0 else text.rstrip()


def profile_one(client, url):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    profile = cProfile.Profile()
    with CaptureQueriesContext(connection) as queries:
        started = time.perf_counter()
        profile.enable()
        response = client.get(url)
        body = b"".join(response) if response.streaming else response.content
        profile.disable()
        elapsed = time.perf_counter() - started
    return profile, response.status_code, len(body), len(queries), elapsed


def main(argv=None):
    args = parse_args(argv if argv is not None else sys.argv[1:])
    setup_django(PAGE_CACHE="0", FRAGMENT_CACHE="1" if args.fragments else "0")
    from django.core.management import call_command
    from django.test import Client

    from bench.queries import discover_urls, superuser

    call_command("collectstatic", interactive=False, verbosity=0)  # the production settings need the manifest
    wanted = [name for name in (args.only.split(",") if args.only else PAGE_TYPES) if name]
    urls = discover_urls()
    anonymous, admin = Client(raise_request_exception=False), Client(raise_request_exception=False)
    admin.force_login(superuser())
    for name in wanted:  # as in bench.queries: per-process caches filled, as in a worker that has served
        url, needs_login = urls[name]
        (admin if needs_login else anonymous).get(url)
    # As gunicorn.conf.py does after loading the application: what is loaded now stays out of the
    # garbage collector's way, so that a full collection does not land in a profiled request.
    gc.collect()
    gc.freeze()
    save_dir = RESULTS_DIR / "profile"
    if args.save:
        save_dir.mkdir(parents=True, exist_ok=True)
    summary = []
    for name in wanted:
        url, needs_login = urls[name]
        client = admin if needs_login else anonymous
        clear_caches()
        if needs_login:
            client.force_login(superuser())
        if args.second:
            client.get(url)  # fills the caches; the page cache is off
        gc.collect()
        profile, status, size, queries, elapsed = profile_one(client, url)
        calls, by_cumulative = stats_table(profile, "cumulative", args.top)
        _, by_own = stats_table(profile, "tottime", args.top)
        summary.append((name, url, status, size, queries, calls, elapsed))
        print(
            f"\n=== {name}  {url}  →  {status}, {size} bytes, {queries} SQL queries, {calls} function calls, "
            f"{elapsed * 1000:.0f} ms profiled"
        )
        print(f"--- top {args.top} by cumulative time")
        print(by_cumulative)
        print(f"--- top {args.top} by own time")
        print(by_own)
        if args.save:
            profile.dump_stats(save_dir / f"{name}.prof")
    print("\nSummary (one profiled request each; function calls are deterministic, times are not)")
    print(f"{'page':<16}{'status':>7}{'bytes':>9}{'SQL':>5}{'calls':>10}{'ms':>8}  url")
    for name, url, status, size, queries, calls, elapsed in summary:
        print(f"{name:<16}{status:>7}{size:>9}{queries:>5}{calls:>10}{elapsed * 1000:>8.0f}  {url}")
    mode = "fragment caches on" if args.fragments else "fragment caches off"
    which = "second request after clearing the caches" if args.second else "first request after clearing the caches"
    print(f"(page cache off, {mode}, {which}, pid {os.getpid()})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
