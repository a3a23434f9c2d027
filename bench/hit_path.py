"""CPU cost of one page-cache hit inside the WSGI application, against the bare "ok" view.

    make bench-hit-path            # or: python -m bench.hit_path [--calls 20000] [--profile]

No HTTP server and no load generator: each application runs in its own process and is called
directly with the environ gunicorn would pass, so the figures isolate what our code costs per hit
(the lookup, the Redis read of the generation, the response) from gunicorn's and the kernel's share,
which `make bench-page-cache` includes. Uses the benchmark's database and Redis (bench/env.py);
the site's pages must render, so run `make bench-data` first.
"""

import argparse
import json
import subprocess
import sys

from bench.env import BASE_DIR, bench_env

PATHS = ["/", "/actualites/?thematique=&pays=Liban", "/actualites/?utm_source=lettre&fbclid=123"]

CHILD = """
import io, json, sys, time
which, path, calls, profile = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4] == "1"
if which == "site":
    from bench.env import setup_django
    setup_django(PAGE_CACHE="1")
    from cuf_cms.wsgi import application
else:
    from bench.bare_app import application  # configures its own minimal settings
script_path, _, query = path.partition("?")

def environ():
    return {
        "REQUEST_METHOD": "GET", "PATH_INFO": script_path, "QUERY_STRING": query, "SCRIPT_NAME": "",
        "SERVER_NAME": "127.0.0.1", "SERVER_PORT": "8000", "SERVER_PROTOCOL": "HTTP/1.1",
        "HTTP_HOST": "127.0.0.1", "HTTP_USER_AGENT": "bench", "HTTP_ACCEPT": "*/*",
        "HTTP_ACCEPT_ENCODING": "gzip, deflate, br, zstd", "REMOTE_ADDR": "127.0.0.1",
        "wsgi.url_scheme": "http", "wsgi.input": io.BytesIO(b""), "wsgi.errors": sys.stderr,
    }

statuses = []
def start_response(status, headers, exc_info=None):
    statuses.append((status, dict(headers).get("X-Page-Cache", "")))

def call():
    result = application(environ(), start_response)
    b"".join(result)
    getattr(result, "close", lambda: None)()

for _ in range(50):  # the first call renders and stores the page; the others warm the process
    call()
if profile:
    import cProfile, pstats
    profiler = cProfile.Profile()
    profiler.runcall(lambda: [call() for _ in range(calls)])
    pstats.Stats(profiler, stream=sys.stderr).sort_stats("tottime").print_stats(15)
started = time.process_time()
for _ in range(calls):
    call()
print(json.dumps({"us_per_call": (time.process_time() - started) / calls * 1e6, "last": statuses[-1]}))
"""


def cpu_per_call(which, path, calls, profile=False):
    out = subprocess.run(
        [sys.executable, "-c", CHILD, which, path, str(calls), "1" if profile else "0"],
        cwd=BASE_DIR,
        env=bench_env(),
        check=True,
        capture_output=True,
        text=True,
    )
    if profile:
        print(out.stderr, file=sys.stderr)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--calls", type=int, default=20000)
    parser.add_argument("--profile", action="store_true", help="print a cProfile of the site's hits too")
    args = parser.parse_args(argv)
    bare = cpu_per_call("bare", "/", args.calls)
    print(f"{'request':<48}{'state':>8}{'µs CPU/call':>13}{'× bare':>8}")
    if not bare["last"][0].startswith("200"):
        sys.exit(f"bare view: expected a 200, got {bare['last'][0]}")
    print(f"{'bare view /':<48}{'':>8}{bare['us_per_call']:>13.1f}{1:>8.2f}")
    for path in PATHS:
        site = cpu_per_call("site", path, args.calls, args.profile)
        status, state = site["last"]
        if not status.startswith("200") or state != "hit":
            sys.exit(f"{path}: expected a 200 hit, got {status} {state!r}")
        ratio = site["us_per_call"] / bare["us_per_call"]
        print(f"{'site ' + path:<48}{state:>8}{site['us_per_call']:>13.1f}{ratio:>8.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
