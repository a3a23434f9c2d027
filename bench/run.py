"""The benchmark (make bench): python -m bench.run [--duration 8] [--connections 8] [--only home,article].

1. Creates the cuf_bench database and generates the dataset when missing (bench/generate.py).
2. Counts SQL queries and renditions per URL in-process (bench/queries.py), page cache off and on.
3. Serves the site (cuf_cms.wsgi, production settings, Redis db 9) and bench/bare_app.py with the same
   gunicorn configuration, drives each URL with wrk at fixed concurrency for a fixed duration, cold
   (PAGE_CACHE=0, Redis db flushed before each URL) then warm (page cache on, URL primed), and reads
   the workers' RSS after each phase.
4. Prints one table (absolute figures and ratios to the bare view) and writes bench/results/latest.json.
"""

import argparse
import json
import os
import shutil
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

from bench.env import BASE_DIR, RESULTS_DIR, bench_env
from bench.report import print_table

PY = sys.executable
LUA = BASE_DIR / "bench" / "wrk_report.lua"


def parse_args(argv):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--duration", type=int, default=int(os.environ.get("BENCH_DURATION", 8)), help="seconds per URL"
    )
    parser.add_argument("--connections", type=int, default=int(os.environ.get("BENCH_CONNECTIONS", 8)))
    parser.add_argument("--threads", type=int, default=2, help="wrk threads")
    parser.add_argument("--port", type=int, default=int(os.environ.get("BENCH_PORT", 8901)), help="site port")
    parser.add_argument("--bare-port", type=int, default=int(os.environ.get("BENCH_BARE_PORT", 8902)))
    parser.add_argument("--only", default="", help="comma-separated URL names to measure (default: all)")
    parser.add_argument("--regenerate", action="store_true", help="drop and regenerate the benchmark database")
    parser.add_argument("--output", type=Path, default=RESULTS_DIR / "latest.json")
    return parser.parse_args(argv)


def log(message):
    print(f"[bench {time.strftime('%H:%M:%S')}] {message}", flush=True)


def ensure_wrk():
    if shutil.which("wrk"):
        return shutil.which("wrk")
    log("wrk is missing: installing it with apt-get (Debian package 'wrk')")
    prefix = [] if os.geteuid() == 0 else ["sudo", "-n"]
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    subprocess.run([*prefix, "apt-get", "install", "-y", "-q", "wrk"], check=False, env=env)
    if not shutil.which("wrk"):
        sys.exit("wrk is required: apt-get install wrk")
    return shutil.which("wrk")


def ensure_database(env, regenerate):
    """Create the database named by DATABASE_URL if needed and generate the dataset when it is not there."""
    import psycopg

    url = env["DATABASE_URL"]
    name = url.rsplit("/", 1)[1].split("?")[0]
    admin_url = url.rsplit("/", 1)[0] + "/postgres"
    with psycopg.connect(admin_url, autocommit=True) as conn:
        exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", (name,)).fetchone()
        if exists and regenerate:
            log(f"dropping database {name}")
            conn.execute(f'DROP DATABASE "{name}" WITH (FORCE)')
            exists = None
        if not exists:
            log(f"creating database {name}")
            conn.execute(f'CREATE DATABASE "{name}"')
    started = time.monotonic()
    subprocess.run([PY, "-m", "bench.generate"], cwd=BASE_DIR, env=env, check=True)
    return time.monotonic() - started


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


def gunicorn_config():
    project_conf = BASE_DIR / "gunicorn.conf.py"
    return project_conf if project_conf.exists() else BASE_DIR / "bench" / "gunicorn_bench.conf.py"


class Server:
    """One gunicorn master serving `app` on 127.0.0.1:port; its log goes to bench/results/."""

    def __init__(self, app, port, env, name):
        self.app, self.port, self.env, self.name = app, port, env, name
        self.process = None

    def __enter__(self):
        log_file = open(RESULTS_DIR / f"gunicorn-{self.name}.log", "a")  # noqa: SIM115
        command = [PY, "-m", "gunicorn", "-c", str(gunicorn_config()), "-b", f"127.0.0.1:{self.port}", self.app]
        self.process = subprocess.Popen(command, cwd=BASE_DIR, env=self.env, stdout=log_file, stderr=log_file)
        deadline = time.monotonic() + 300
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                sys.exit(f"gunicorn ({self.name}) exited; see {log_file.name}")
            try:
                # The first request of a worker is slow on a busy machine: wait for it, do not retry too early.
                urllib.request.urlopen(f"http://127.0.0.1:{self.port}/", timeout=120)  # noqa: S310
                return self
            except urllib.error.HTTPError:
                return self
            except OSError:
                time.sleep(0.5)
        self.__exit__()
        sys.exit(f"gunicorn ({self.name}) did not answer on port {self.port}")

    def __exit__(self, *exc):
        self.process.terminate()
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()

    def workers_rss_mb(self):
        """RSS in MB of each worker (children of the gunicorn master), read from /proc."""
        sizes = []
        for status in Path("/proc").glob("[0-9]*/status"):
            try:
                fields = dict(line.split(":", 1) for line in status.read_text().splitlines() if ":" in line)
            except OSError:
                continue
            if fields.get("PPid", "").strip() == str(self.process.pid) and "VmRSS" in fields:
                sizes.append(int(fields["VmRSS"].split()[0]) / 1024)
        return sorted(sizes)


def fetch(url, cookie=None):
    """(status, body length) of one GET."""
    request = urllib.request.Request(url, headers={"Cookie": cookie} if cookie else {})  # noqa: S310 (http only)
    try:
        with urllib.request.urlopen(request, timeout=120) as response:  # noqa: S310
            return response.status, len(response.read())
    except urllib.error.HTTPError as error:
        return error.code, 0


def run_wrk(wrk, url, args, cookie=None):
    command = [wrk, f"-t{args.threads}", f"-c{args.connections}", f"-d{args.duration}s", "--timeout", "30s"]
    command += ["-s", str(LUA)]
    if cookie:
        command += ["-H", f"Cookie: {cookie}"]
    out = subprocess.run([*command, url], capture_output=True, text=True, check=True).stdout
    data = json.loads([line for line in out.splitlines() if line.startswith("{")][-1])
    seconds = data["duration_us"] / 1e6
    return {
        "rps": round(data["requests"] / seconds, 1) if seconds else 0.0,
        "requests": data["requests"],
        "p50_ms": round(data["p50_us"] / 1000, 2),
        "p95_ms": round(data["p95_us"] / 1000, 2),
        "p99_ms": round(data["p99_us"] / 1000, 2),
        "errors": data["errors_status"] + data["errors_connect"] + data["errors_read"] + data["errors_timeout"],
    }


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
    }
    args.output.write_text(json.dumps(result, indent=2, ensure_ascii=False))
    print_table(result)
    log(f"JSON written to {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
