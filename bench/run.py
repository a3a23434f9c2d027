"""The benchmark (make bench): python -m bench.run [--duration 8] [--connections 8] [--only home,article].

1. Creates the cuf_bench database and generates the dataset when missing (bench/generate.py).
2. Counts SQL queries and renditions per URL in-process (bench/queries.py), page cache off and on.
3. Serves the site (cuf_cms.wsgi, production settings, Redis db 9) and bench/bare_app.py with the same
   gunicorn configuration, drives each URL with wrk at fixed concurrency for a fixed duration, cold
   (PAGE_CACHE=0, Redis db flushed before each URL) then warm (page cache on, URL primed), and reads
   the workers' RSS after each phase.
4. Measures the page cache (bench/page_cache.py): hit ratio, warm rps of hits, junk query strings,
   a csrftoken cookie, and how soon a page published by another process is served fresh.
5. Prints one table (absolute figures and ratios to the bare view) and writes bench/results/latest.json.
"""

import json
import os
import subprocess
import sys
import time

from bench.env import BASE_DIR, RESULTS_DIR, bench_env
from bench.load import PY, Server, ensure_wrk, fetch, gunicorn_config, log, run_wrk
from bench.options import ensure_database, parse_args
from bench.page_cache import measure as measure_page_cache
from bench.page_cache import print_page_cache
from bench.report import print_table


def flush_redis(env):
    """Empty the benchmark's own Redis database (REDIS_URL's db number), never the others."""
    import redis

    redis.Redis.from_url(env["REDIS_URL"]).flushdb()


def measure_queries(env, page_cache):
    out = subprocess.run(
        [PY, "-m", "bench.queries", "--page-cache", page_cache],
        cwd=BASE_DIR,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def admin_cookie(env):
    """A session cookie of the superuser, created with the site's own session engine."""
    code = (
        "from bench.env import setup_django; setup_django();"
        "from django.conf import settings; from django.test import Client; from bench.queries import superuser;"
        "c = Client(); c.force_login(superuser());"
        "print(f'{settings.SESSION_COOKIE_NAME}={c.cookies[settings.SESSION_COOKIE_NAME].value}')"
    )
    out = subprocess.run([PY, "-c", code], cwd=BASE_DIR, env=env, check=True, capture_output=True, text=True)
    return out.stdout.strip().splitlines()[-1]


def rendition_total(env):
    code = "from bench.env import setup_django; setup_django(); from bench.queries import rendition_count; "
    code += "print(rendition_count())"
    out = subprocess.run([PY, "-c", code], cwd=BASE_DIR, env=env, check=True, capture_output=True, text=True)
    return int(out.stdout.strip().splitlines()[-1])


def load_phase(phase, urls, wrk, args, env):
    """wrk on the bare view then on every URL; returns (bare figures, per-URL figures, RSS, renditions created)."""
    page_cache = "0" if phase == "cold" else "1"
    site_env = bench_env(PAGE_CACHE=page_cache)
    figures = {}
    renditions_before = rendition_total(env)
    site_server = Server("cuf_cms.wsgi:application", args.port, site_env, "site")
    bare_server = Server("bench.bare_app:application", args.bare_port, site_env, "bare")
    with site_server as site, bare_server as bare:
        log(f"{phase}: bare view")
        bare_figures = run_wrk(wrk, f"http://127.0.0.1:{args.bare_port}/", args)
        bare_rss = bare.workers_rss_mb()
        for name, (path, needs_login) in urls.items():
            if phase == "cold":
                flush_redis(env)
            cookie = admin_cookie(env) if needs_login else None
            url = f"http://127.0.0.1:{args.port}{path}"
            status, size = fetch(url, cookie)
            if status == 404:
                log(f"{phase}: {name} absent (404)")
                figures[name] = {"status": 404, "absent": True}
                continue
            if phase == "warm":
                fetch(url, cookie)
            log(f"{phase}: {name} {path} ({status}, {size} bytes)")
            figures[name] = {"status": status, "bytes": size, **run_wrk(wrk, url, args, cookie)}
        site_rss = site.workers_rss_mb()
    return {
        "bare": bare_figures,
        "urls": figures,
        "site_worker_rss_mb": [round(x, 1) for x in site_rss],
        "bare_worker_rss_mb": [round(x, 1) for x in bare_rss],
        "renditions_created": rendition_total(env) - renditions_before,
    }


def main(argv=None):
    args = parse_args(argv if argv is not None else sys.argv[1:])
    RESULTS_DIR.mkdir(parents=True, exist_ok=True)
    env = bench_env()
    wrk = ensure_wrk()
    generation_seconds = ensure_database(env, args.regenerate)
    log("collectstatic")
    subprocess.run([PY, "manage.py", "collectstatic", "--noinput", "-v0"], cwd=BASE_DIR, env=env, check=True)
    log("counting queries (page cache off, then on)")
    cold_queries = measure_queries(env, "0")
    warm_queries = measure_queries(env, "1")
    names = [n for n in cold_queries["urls"] if not args.only or n in args.only.split(",")]
    urls = {name: (cold_queries["urls"][name], name.startswith("admin")) for name in names}
    phases = {phase: load_phase(phase, urls, wrk, args, env) for phase in ("cold", "warm")}
    log("page cache: hit ratio, warm rps, junk query strings, csrftoken cookie, purge to fresh")
    page_cache_figures = measure_page_cache(wrk, args)
    result = {
        "generated_at": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
        "settings": {
            "duration_s": args.duration,
            "connections": args.connections,
            "wrk_threads": args.threads,
            "gunicorn_config": str(gunicorn_config().relative_to(BASE_DIR)),
            "cpus": os.cpu_count(),
            "dataset_step_seconds": round(generation_seconds, 1),
        },
        "queries": {
            name: {
                **cold_queries["results"][name],
                "warm_page_cache_queries": warm_queries["results"][name]["warm_queries"],
                "warm_page_cache_renditions_created": warm_queries["results"][name]["warm_renditions_created"],
            }
            for name in names
        },
        "renditions_created_by_first_requests": cold_queries["results"]["_first_requests"]["renditions_created"],
        "load": phases,
        "page_cache": page_cache_figures,
    }
    args.output.write_text(json.dumps(result, indent=2, ensure_ascii=False))
    print_table(result)
    print_page_cache(page_cache_figures)
    log(f"JSON written to {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
