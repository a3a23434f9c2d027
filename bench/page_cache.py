"""Page-cache figures: hit ratio, warm rps against the bare view, rps with junk query strings or a
csrftoken cookie, and purge-to-fresh latency. Part of `make bench`; alone: `make bench-page-cache`.

The site (production settings, page cache on, Redis) and the bare "ok" view are served by the same
gunicorn configuration on the benchmark dataset (bench/generate.py), and driven by the same wrk
settings as the rest of the benchmark.
"""

import argparse
import json
import re
import subprocess
import sys
import time

from bench.env import BASE_DIR, RESULTS_DIR, bench_env
from bench.load import BROWSER_HEADERS, LUA, PY, Server, ensure_wrk, get, log, run_wrk
from bench.options import ensure_database, parse_args

ROUNDS = 3  # short runs per row; the row reports the median one
JUNK_LUA = BASE_DIR / "bench" / "wrk_junk_query.lua"
CSRF_COOKIE = "csrftoken=QWERTYUIOPASDFGHJKLZXCVBNM123456"
VISITOR_PATHS = ["/", "/actualites/", "/actualites/?pays=liban", "/agenda/", "/centre-de-ressources/"]
RATED = {  # name -> (path, cookie); every row is requested with a browser's Accept-Encoding but one
    "home": ("/", None),
    "home, no gzip": ("/", None),  # a client that does not accept compression (curl, some bots)
    "listing": ("/actualites/", None),
    "filtered listing": ("/actualites/?thematique=&pays=Liban", None),
    "article": (None, None),  # the newest article, found on /actualites/
    "event": (None, None),  # the next event, found on /agenda/
    "resource": (None, None),  # the newest resource, found on /centre-de-ressources/
    "country hub": ("/pays/liban/", None),
    "RSS feed": ("/actualites/flux.xml", None),
    "iCal feed": ("/agenda/agenda.ics", None),
    "sitemap": ("/sitemap.xml", None),  # the index
    "sitemap page": ("/sitemap-pages.xml?p=7", None),  # 1,000 URLs
    "junk query strings": ("/actualites/", None),
    "csrftoken cookie": ("/", CSRF_COOKIE),
}

# Run in another process, as an editor's request or the scheduler would: Django is set up before
# the signal, so only the publish itself is timed.
PUBLISHER = """
import sys, time
from bench.env import setup_django
setup_django()
from articles.models import ArticlePage
page = ArticlePage.objects.live().order_by("-date", "-pk").first()
print(page.url, flush=True)
sys.stdin.readline()
page.title = sys.argv[1]
started = time.time()
page.save_revision().publish()
print(started, time.time(), flush=True)
"""


# The first visit after a publish: another page (an old article, on no listing's first page) is
# published, which purges the whole page cache, then the page is requested once, then the bare view.
AFTER_PUBLISH = """
import json, statistics, sys, time, urllib.request
from bench.env import setup_django
setup_django()
from articles.models import ArticlePage
site, bare, rounds = sys.argv[1], sys.argv[2], int(sys.argv[3])
page = ArticlePage.objects.live().order_by("date", "pk").first()
def timed(url):
    started = time.perf_counter()
    with urllib.request.urlopen(url) as response:
        response.read()
        return (time.perf_counter() - started) * 1000, response.headers.get("X-Page-Cache", "")
out = {}
for name, path in (("home", "/"), ("listing", "/actualites/")):
    timed(site + path)
    pages, bares, states = [], [], []
    for number in range(rounds):
        page.title = f"Republie {number} {time.time_ns()}"
        page.save_revision().publish()
        ms, state = timed(site + path)
        pages.append(ms)
        states.append(state)
        bares.append(timed(bare + "/")[0])
    pages.sort()
    out[name] = {
        "path": path,
        "rounds": rounds,
        "p50_ms": round(statistics.median(pages), 1),
        "p95_ms": round(pages[int(0.95 * (rounds - 1))], 1),
        "bare_p50_ms": round(statistics.median(bares), 2),
        "ratio_to_bare": round(statistics.median(bares) / statistics.median(pages), 3),
        "states": sorted(set(states)),
    }
print(json.dumps(out))
"""
AFTER_PUBLISH_ROUNDS = 20


def first_visit_after_publish(site, bare, env):
    out = subprocess.run(
        [PY, "-c", AFTER_PUBLISH, site, bare, str(AFTER_PUBLISH_ROUNDS)],
        cwd=BASE_DIR,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def first_link(site, path, prefix):
    body = get(site + path)[2].decode()
    return re.search(rf'href="({prefix}[^"?#]+/)"', body).group(1)


def hit_ratio(site, paths):
    """Five rounds of a visitor mix: plain URLs, tracking parameters, a csrftoken and analytics cookie."""
    variants = [("", None), ("utm_source=lettre&fbclid=x", None), ("", f"{CSRF_COOKIE}; _pk_id=1")]
    states = []
    for _round in range(5):
        for path in paths:
            for junk, cookie in variants:
                url = site + path + (("&" if "?" in path else "?") + junk if junk else "")
                states.append(get(url, cookie)[1].get("X-Page-Cache", ""))
    hits = sum(state.startswith("hit") for state in states)
    return {"ratio": round(hits / len(states), 3), "requests": len(states), "misses": len(states) - hits}


def purge_to_fresh(site, env):
    """Publish a new title from another process; how long until the site serves it."""
    title = f"Titre republié {time.time_ns()}"
    publisher = subprocess.Popen(
        [PY, "-c", PUBLISHER, title], cwd=BASE_DIR, env=env, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    path = publisher.stdout.readline().strip()
    get(site + path)
    before = get(site + path)[1].get("X-Page-Cache")
    publisher.stdin.write("go\n")
    publisher.stdin.flush()
    started, finished = (float(value) for value in publisher.stdout.readline().split())
    publisher.wait()
    polls = 0
    while True:  # the first request after publish() returned must already be fresh
        polls += 1
        _, headers, body = get(site + path)
        if title in body.decode() or polls == 100:
            break
    seen = time.time()
    return {
        "cached_before": before,
        "publish_ms": round((finished - started) * 1000, 1),
        "requests_until_fresh": polls,
        "fresh": title in body.decode(),
        "state_when_fresh": headers.get("X-Page-Cache"),
        "fresh_after_publish_returned_ms": round((seen - finished) * 1000, 1),
    }


def measure(wrk, args, env=None):
    env = env or bench_env(PAGE_CACHE="1")
    site, bare = f"http://127.0.0.1:{args.port}", f"http://127.0.0.1:{args.bare_port}"
    results = {}
    with (
        Server("cuf_cms.wsgi:application", args.port, env, "site"),
        Server("bench.bare_app:application", args.bare_port, env, "bare"),
    ):
        paths = dict(RATED)
        paths["article"] = (first_link(site, "/actualites/", "/actualites/"), None)
        paths["event"] = (first_link(site, "/agenda/", "/agenda/(?!passes/)"), None)
        paths["resource"] = (first_link(site, "/centre-de-ressources/", "/centre-de-ressources/"), None)
        for path, _cookie in paths.values():
            get(site + path)  # first visits render (and create renditions) before anything is measured
        results["hit_ratio"] = hit_ratio(site, VISITOR_PATHS + [paths["article"][0], paths["event"][0]])
        # Each row is ROUNDS short runs of the page, each between two runs of the bare view, and its
        # ratio is the median of the rounds: a ratio between runs minutes apart, or a single run,
        # would mostly measure what else the machine was doing at that moment.
        short = argparse.Namespace(**{**vars(args), "duration": max(2, args.duration // 2)})
        log(f"page cache: {ROUNDS} rounds of {short.duration} s per row, each between two bare-view runs")
        bare_before = run_wrk(wrk, bare + "/", short)
        for name, (path, cookie) in paths.items():
            log(f"page cache: {name} {path}")
            get(site + path, cookie)
            script = JUNK_LUA if name == "junk query strings" else LUA
            headers = () if name == "home, no gzip" else BROWSER_HEADERS
            rounds = []
            for _round in range(ROUNDS):
                figures = run_wrk(wrk, site + path, short, cookie, script, headers)
                bare_after = run_wrk(wrk, bare + "/", short)
                bare_rps = (bare_before["rps"] + bare_after["rps"]) / 2
                rounds.append({**figures, "bare_rps": round(bare_rps, 1), "ratio": figures["rps"] / bare_rps})
                bare_before = bare_after
            ratios = sorted(run["ratio"] for run in rounds)
            median = sorted(rounds, key=lambda run: run["ratio"])[ROUNDS // 2]
            results[name] = {
                "path": path,
                **{key: value for key, value in median.items() if key != "ratio"},
                "bytes": len(get(site + path, cookie, gzip=bool(headers))[2]),
                "ratio_to_bare": round(median["ratio"], 3),
                "ratio_range": [round(ratios[0], 3), round(ratios[-1], 3)],
            }
        results["purge_to_fresh"] = purge_to_fresh(site, env)
        log(f"page cache: first visit after a publish ({AFTER_PUBLISH_ROUNDS} publishes per row)")
        results["after_publish"] = first_visit_after_publish(site, bare, env)
    return results


def print_page_cache(results):
    print(
        f"\nPage cache (warm, anonymous): median of {ROUNDS} rounds per row, each round against the mean of the "
        "bare-view runs just before and just after it"
    )
    print(
        f"{'what':<20}{'bytes':>9}{'rps':>8}{'bare rps':>10}{'× bare':>8}{'rounds':>12}"
        f"{'p50/p95/p99 ms':>20}{'errors':>8}"
    )
    for name in RATED:
        row = results[name]
        latency = f"{row['p50_ms']:.1f}/{row['p95_ms']:.1f}/{row['p99_ms']:.1f}"
        print(
            f"{name:<20}{row['bytes']:>9}{row['rps']:>8.0f}{row['bare_rps']:>10.0f}{row['ratio_to_bare']:>8.2f}"
            f"{row['ratio_range'][0]:>7.2f}–{row['ratio_range'][1]:<4.2f}"
            f"{latency:>20}{row['errors']:>8}"
        )
    ratio = results["hit_ratio"]
    print(f"hit ratio over a visitor mix of {ratio['requests']} requests: {ratio['ratio']:.1%}")
    purge = results["purge_to_fresh"]
    print(
        f"purge to fresh: publish() took {purge['publish_ms']} ms in another process; the first request after it "
        f"was {'fresh' if purge['requests_until_fresh'] == 1 else 'STALE'} ({purge['state_when_fresh']}, "
        f"served {purge['fresh_after_publish_returned_ms']} ms after publish() returned, rendering included)"
    )
    print("first visit after another page is published (one request each, single connection; ratio = bare p50 / p50):")
    for name, row in results.get("after_publish", {}).items():
        print(
            f"  {name:<10}{row['path']:<15} p50 {row['p50_ms']} ms, p95 {row['p95_ms']} ms, bare p50 "
            f"{row['bare_p50_ms']} ms, × bare {row['ratio_to_bare']:.3f} ({row['rounds']} rounds; X-Page-Cache: "
            f"{', '.join(row['states'])})"
        )


def main(argv=None):
    args = parse_args(argv if argv is not None else sys.argv[1:])
    RESULTS_DIR.mkdir(parents=True, exist_ok=True)
    wrk = ensure_wrk()
    ensure_database(bench_env(), args.regenerate)
    subprocess.run([PY, "manage.py", "collectstatic", "--noinput", "-v0"], cwd=BASE_DIR, env=bench_env(), check=True)
    results = measure(wrk, args)
    (RESULTS_DIR / "page_cache.json").write_text(json.dumps(results, indent=2, ensure_ascii=False))
    print_page_cache(results)
    return 0


if __name__ == "__main__":
    sys.exit(main())
