"""`make validate`: what search engines, feed readers and validators see, checked by tools nobody here wrote.

Serves the demo site (the browser suite's cached demo database, tests/e2e/demo_db.py) with the production
settings and gunicorn (gunicorn.conf.py) on 127.0.0.1:VALIDATE_PORT (8850), BASE_URL being that address;
`migrate` moves Wagtail's Site onto it and `check --deploy` must then pass. Then, on one URL of every
page type of tests/e2e/pages.py:

- html: the Nu HTML Checker (vnu-jar, on Debian's Java), one JVM for every page;
- json-ld: each object has the required and recommended properties of its type (tools/validators/jsonld.py),
  its URLs on BASE_URL; the page types below have their types;
- meta: a description, a canonical URL and og:url equal to BASE_URL + the path;
- feeds: feedparser (bozo must be 0) on the RSS feed, strict icalendar parsing of every .ics, their URLs
  and UIDs on BASE_URL;
- sitemap: every <loc> on BASE_URL, fetched back with 200 (no redirect);
- lighthouse: Lighthouse (Debian's chromium) on five page types, each category's score at least 0.95; one
  run per page, three (the median counts, as Lighthouse CI does) for a page under budget: on a shared
  machine one run's timings can be another process's load.

Prints one table (page type × tool) and writes it, with each tool's raw report, to artifacts/validate/.
A failure names the page type, the URL and the message; the exit code is 1 when there is one.

    python -m tools.validators.run [--only html,json-ld,meta,feeds,sitemap,lighthouse]
"""

import argparse
import concurrent.futures
import json
import os
import re
import secrets
import shutil
import sqlite3
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit
from xml.etree import ElementTree

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

import feedparser  # noqa: E402
from icalendar import Calendar  # noqa: E402

from tests.e2e import demo_db, pages  # noqa: E402
from tools.validators import jsonld  # noqa: E402

HERE = Path(__file__).resolve().parent
PORT = int(os.environ.get("VALIDATE_PORT", "8850"))
BASE_URL = f"http://127.0.0.1:{PORT}"
WORK = ROOT / "var" / "validate"
ARTIFACTS = ROOT / "artifacts" / "validate"
VNU_JAR = HERE / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
JAVA = os.environ.get("JAVA", "java")
CHROME_PATH = os.environ.get("CHROME_PATH", "/usr/bin/chromium")
TOOLS = ["html", "json-ld", "meta", "feeds", "sitemap", "lighthouse"]

# Lighthouse: five page types (a home page, a listing and three detail pages), one run each.
LIGHTHOUSE_PAGES = ["accueil", "actualites", "article", "evenement", "ressource-video"]
LIGHTHOUSE_BUDGET = 0.95
# JSON-LD types a page type must carry (besides a BreadcrumbList wherever breadcrumbs show).
EXPECTED_TYPES = {
    "accueil": ["WebSite", "Organization"],
    "article": ["NewsArticle"],
    "evenement": ["Event"],
    "actualites": ["CollectionPage"],
    "agenda": ["CollectionPage"],
    "centre-de-ressources": ["CollectionPage"],
    "page-standard": ["WebPage"],
    "ressource-texte": ["CreativeWork"],
    "ressource-photo": ["CreativeWork"],
    "ressource-son": ["CreativeWork"],
    "ressource-video": ["CreativeWork"],
    "groupe-pays": ["Organization"],
    "collectivite": ["GovernmentOrganization"],
    "fonds": ["DonateAction"],
    "appel": ["CreativeWork"],
    "hub-pays": ["CollectionPage"],
    "hub-thematique": ["CollectionPage"],
}
# Pages that are not for search engines (robots.txt disallows /recherche/; errors): no JSON-LD expected.
NOT_INDEXED = {"recherche", "recherche-sans-resultat", "404", "espace-reserve"}


@dataclass
class Result:
    """One cell of the table: a short summary and the failures behind it."""

    summary: str = "—"
    failures: list = field(default_factory=list)


class Report:
    def __init__(self):
        self.rows = {}  # row (page type or feed) -> {tool: Result}
        self.urls = {}
        self.timings = {}

    def set(self, row, tool, summary, failures=()):
        self.rows.setdefault(row, {})[tool] = Result(summary, list(failures))

    def failures(self):
        return [
            (row, tool, self.urls.get(row, ""), message)
            for row, tools in self.rows.items()
            for tool, result in tools.items()
            for message in result.failures
        ]

    def table(self):
        tools = [tool for tool in TOOLS if any(tool in cells for cells in self.rows.values())]
        lines = [
            "| page type / feed | " + " | ".join(tools) + " |",
            "|---|" + "---|" * len(tools),
        ]
        for row, cells in self.rows.items():
            lines.append(f"| {row} | " + " | ".join(cells.get(tool, Result()).summary for tool in tools) + " |")
        return "\n".join(lines)


# --- the server


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
        "DEMO_PASSWORD": os.environ.get("DEMO_PASSWORD", secrets.token_urlsafe(12)),
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


# --- HTTP


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


# --- html: the Nu HTML Checker


def check_html(found, work, report):
    folder = work / "html"
    folder.mkdir()
    for name, page in found.items():
        (folder / f"{name}.html").write_text(page["html"], encoding="utf-8")
    result = subprocess.run(  # noqa: S603 - one JVM for every page
        [
            JAVA,
            "-Xss1024k",
            "-jar",
            str(VNU_JAR),
            "--format",
            "json",
            "--exit-zero-always",
            *map(str, sorted(folder.iterdir())),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    try:
        messages = json.loads(result.stderr or result.stdout)["messages"]
    except ValueError:
        raise SystemExit(f"the Nu HTML Checker did not answer JSON:\n{result.stdout}\n{result.stderr}") from None
    (ARTIFACTS / "vnu.json").write_text(json.dumps(messages, indent=2, ensure_ascii=False))
    per_page = {name: {"errors": [], "warnings": 0} for name in found}
    for message in messages:
        name = Path(urlsplit(message.get("url", "")).path).stem  # file:/…/html/<page type>.html
        if name not in per_page:
            continue
        if message["type"] in ("error", "non-document-error"):
            where = f"line {message.get('lastLine', '?')}: " if message.get("lastLine") else ""
            per_page[name]["errors"].append(f"{where}{message['message']}")
        elif message.get("subType") == "warning":
            per_page[name]["warnings"] += 1
    for name, counts in per_page.items():
        errors = counts["errors"]
        summary = "ok" if not errors else f"{len(errors)} error(s)"
        if counts["warnings"]:
            summary += f", {counts['warnings']} warning(s)"
        report.set(name, "html", summary, errors)


# --- json-ld and meta


def meta_content(html, attribute, name):
    match = re.search(rf'<meta {attribute}="{re.escape(name)}" content="([^"]*)"', html)
    return match.group(1).replace("&amp;", "&") if match else None


def check_metadata(found, report):
    for name, page in found.items():
        html, path = page["html"], page["path"]
        if name in NOT_INDEXED or page["status"] != 200:
            report.set(name, "json-ld", "—")
            report.set(name, "meta", "—")
            continue
        expect = list(EXPECTED_TYPES.get(name, []))
        if 'class="breadcrumbs"' in html:
            expect.append("BreadcrumbList")
        problems = jsonld.problems(html, BASE_URL, expect=expect)
        found_types = jsonld.types(html)
        if not found_types:
            problems.append("no JSON-LD")
        report.set(
            name,
            "json-ld",
            "ok: " + ", ".join(found_types) if not problems else f"{len(problems)} problem(s)",
            problems,
        )

        meta = []
        canonical = re.search(r'<link rel="canonical" href="([^"]+)"', html)
        expected = BASE_URL + urlsplit(path).path
        if not canonical:
            meta.append("no canonical link")
        elif canonical.group(1) != expected:
            meta.append(f"canonical {canonical.group(1)} is not {expected}")
        if meta_content(html, "property", "og:url") != (canonical.group(1) if canonical else None):
            meta.append("og:url differs from the canonical URL")
        if not meta_content(html, "name", "description"):
            meta.append("no meta description")
        image = meta_content(html, "property", "og:image")
        if image and not image.startswith(BASE_URL + "/"):
            meta.append(f"og:image {image} is not on {BASE_URL}")
        report.set(name, "meta", "ok" if not meta else f"{len(meta)} problem(s)", meta)


# --- feeds


def rss_problems(body):
    feed = feedparser.parse(body)
    problems = []
    if feed.bozo:
        problems.append(f"feedparser bozo: {feed.bozo_exception}")
    if feed.version != "rss20":
        problems.append(f"not RSS 2.0 ({feed.version!r})")
    if not feed.feed.get("link", "").startswith(BASE_URL + "/"):
        problems.append(f"channel link {feed.feed.get('link')!r} is not on {BASE_URL}")
    self_links = [link.href for link in feed.feed.get("links", []) if link.get("rel") == "self"]
    if not self_links or not self_links[0].startswith(BASE_URL + "/"):
        problems.append(f"atom:link self {self_links!r} is not on {BASE_URL}")
    for entry in feed.entries:
        for name in ("link", "id"):
            if not entry.get(name, "").startswith(BASE_URL + "/"):
                problems.append(f"item {entry.get('title')!r}: {name} {entry.get(name)!r} is not on {BASE_URL}")
        if not entry.get("published_parsed"):
            problems.append(f"item {entry.get('title')!r}: no pubDate")
    return problems, f"ok, {len(feed.entries)} items" if not problems else f"{len(problems)} problem(s)"


ICAL_REQUIRED = {"VCALENDAR": ("PRODID", "VERSION"), "VEVENT": ("UID", "DTSTAMP", "DTSTART"), "VTIMEZONE": ("TZID",)}


def ical_problems(body):
    """RFC 5545 as strictly as icalendar reads it: no tolerated parse error, CRLF line ends, lines of at most
    75 octets, the required properties, unique UIDs on BASE_URL's host, URLs on BASE_URL."""
    problems = []
    if re.search(rb"(?<!\r)\n", body):
        problems.append("a line ends with a bare LF (RFC 5545 wants CRLF)")
    long_lines = [line for line in body.split(b"\r\n") if len(line) > 75]
    if long_lines:
        problems.append(f"{len(long_lines)} line(s) longer than 75 octets (not folded)")
    try:
        calendar = Calendar.from_ical(body)
    except ValueError as error:
        return [*problems, f"icalendar cannot parse it: {error}"], "unreadable"
    uids = []
    host = urlsplit(BASE_URL).hostname
    for component in calendar.walk():
        problems += [f"{component.name} {name}: {error}" for name, error in component.errors]
        for name in ICAL_REQUIRED.get(component.name, ()):
            if name not in component:
                problems.append(f"{component.name} without {name}")
        if component.name == "VEVENT":
            uid = str(component.get("UID", ""))
            uids.append(uid)
            if not uid.endswith("@" + host):
                problems.append(f"UID {uid!r} is not on {host}")
            url = str(component.get("URL", ""))
            if not url.startswith(BASE_URL + "/"):
                problems.append(f"URL {url!r} is not on {BASE_URL}")
    if str(calendar.get("VERSION")) != "2.0":
        problems.append("VERSION is not 2.0")
    if len(set(uids)) != len(uids):
        problems.append("duplicate UIDs")
    return problems, f"ok, {len(uids)} events" if not problems else f"{len(problems)} problem(s)"


def check_feeds(found, work, report):
    with sqlite3.connect(work / "db.sqlite3") as db:
        country = db.execute("SELECT slug FROM taxonomy_country ORDER BY name").fetchone()
    feeds = {"RSS /actualites/flux.xml": "/actualites/flux.xml"}
    if country:
        feeds[f"RSS /actualites/flux.xml?pays={country[0]}"] = f"/actualites/flux.xml?pays={country[0]}"
    feeds["iCal /agenda/agenda.ics"] = "/agenda/agenda.ics"
    if "evenement" in found:
        feeds["iCal <événement>/evenement.ics"] = found["evenement"]["path"] + "evenement.ics"
    feeds["iCal /appels/echeances.ics"] = "/appels/echeances.ics"
    for row, path in feeds.items():
        report.urls[row] = BASE_URL + path
        status, headers, body = fetch(path)
        if status != 200:
            report.set(row, "feeds", f"HTTP {status}", [f"HTTP {status}"])
            continue
        problems, summary = rss_problems(body) if path.endswith(".xml") or ".xml?" in path else ical_problems(body)
        report.set(row, "feeds", summary, problems)


# --- sitemap


def check_sitemap(found, report):
    namespace = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    problems = []
    robots = fetch("/robots.txt")[2].decode()
    if f"Sitemap: {BASE_URL}/sitemap.xml" not in robots:
        problems.append(f"robots.txt does not point to {BASE_URL}/sitemap.xml")
    status, _headers, body = fetch("/sitemap.xml")
    if status != 200:
        report.set("sitemap.xml", "sitemap", f"HTTP {status}", [f"/sitemap.xml: HTTP {status}"])
        return
    locs = []
    for sitemap in ElementTree.fromstring(body).findall("s:sitemap/s:loc", namespace):  # noqa: S314 - our own site
        if not sitemap.text.startswith(BASE_URL + "/"):
            problems.append(f"sitemap {sitemap.text} is not on {BASE_URL}")
            continue
        status, _headers, part = fetch(sitemap.text)
        if status != 200:
            problems.append(f"{sitemap.text}: HTTP {status}")
            continue
        locs += [loc.text for loc in ElementTree.fromstring(part).findall("s:url/s:loc", namespace)]  # noqa: S314
    outside = [loc for loc in locs if not loc.startswith(BASE_URL + "/")]
    problems += [f"<loc> {loc} is not on {BASE_URL}" for loc in outside]
    with concurrent.futures.ThreadPoolExecutor(max_workers=4) as pool:
        statuses = dict(zip(locs, pool.map(lambda loc: fetch(loc)[0], locs), strict=True))
    problems += [f"{loc}: HTTP {status}" for loc, status in statuses.items() if status != 200]
    ok = sum(1 for status in statuses.values() if status == 200)
    report.urls["sitemap.xml"] = BASE_URL + "/sitemap.xml"
    report.set("sitemap.xml", "sitemap", f"{ok}/{len(locs)} URLs: 200", problems)
    listed = {urlsplit(loc).path for loc in locs}
    for name, page in found.items():
        path = urlsplit(page["path"]).path
        if page["status"] == 200 and name not in NOT_INDEXED:
            report.set(name, "sitemap", "listed" if path in listed else "not listed (a route)")


# --- lighthouse


def check_lighthouse(found, report):
    targets = [{"name": name, "url": BASE_URL + found[name]["path"]} for name in LIGHTHOUSE_PAGES if name in found]
    pages_file = WORK / "run" / "lighthouse-pages.json"
    pages_file.write_text(json.dumps(targets))
    result = subprocess.run(  # noqa: S603
        ["node", str(HERE / "lighthouse.mjs"), str(pages_file), str(ARTIFACTS / "lighthouse")],  # noqa: S607
        cwd=HERE,
        env={**os.environ, "CHROME_PATH": CHROME_PATH, "LIGHTHOUSE_BUDGET": str(LIGHTHOUSE_BUDGET)},
        capture_output=True,
        text=True,
        check=False,
    )
    lines = [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]
    if not lines:
        raise SystemExit(f"Lighthouse did not run:\n{result.stdout}\n{result.stderr}")
    short = {"performance": "perf", "accessibility": "a11y", "best-practices": "bp", "seo": "seo"}
    for line in lines:
        failures = []
        if line.get("runtimeError"):
            failures.append(f"Lighthouse: {line['runtimeError']}")
        for category, score in line["scores"].items():
            if score is None or score < LIGHTHOUSE_BUDGET:
                audits = "; ".join(line["failing"].get(category, [])) or "no single audit named"
                failures.append(f"{category} {score} < {LIGHTHOUSE_BUDGET}: {audits}")
        scores = " ".join(
            f"{short[category]} {round(score * 100) if score is not None else '?'}"
            for category, score in line["scores"].items()
        )
        if line.get("runs", 1) > 1:
            runs = ", ".join(str(round(score * 100)) if score is not None else "?" for score in line["allPerformance"])
            scores += f" ({line['runs']} runs, perf {runs}: the median recorded run counts)"
        report.set(line["name"], "lighthouse", scores or "no score", failures)


# --- main


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", default=",".join(TOOLS), help="comma-separated tools among " + ", ".join(TOOLS))
    args = parser.parse_args()
    only = set(args.only.split(","))
    started = time.monotonic()
    report = Report()
    shutil.rmtree(ARTIFACTS, ignore_errors=True)
    ARTIFACTS.mkdir(parents=True)
    work = WORK / "run"
    env = server_env(work)
    cached = prepare(work, env, report)
    server = start_server(work, env)
    try:
        step = time.monotonic()
        found = discover_pages(work)
        for name, page in found.items():
            report.urls[name] = BASE_URL + page["path"]
            expected = pages.EXPECTED_STATUS.get(name, 200)
            if page["status"] != expected:
                report.set(name, "html", f"HTTP {page['status']}", [f"HTTP {page['status']}, expected {expected}"])
        report.timings["serve and fetch every page type"] = time.monotonic() - step
        for tool, check in (
            ("html", lambda: check_html(found, work, report)),
            ("json-ld", lambda: check_metadata(found, report)),
            ("feeds", lambda: check_feeds(found, work, report)),
            ("sitemap", lambda: check_sitemap(found, report)),
            ("lighthouse", lambda: check_lighthouse(found, report)),
        ):
            if tool in only or (tool == "json-ld" and "meta" in only):
                step = time.monotonic()
                check()
                report.timings[tool] = time.monotonic() - step
        if not cached:
            demo_db.save_cache(work / "db.sqlite3", work / "media")  # renditions made by the fetches above
    finally:
        stop_server(server)
    report.timings["total"] = time.monotonic() - started
    write_report(report)
    failures = report.failures()
    for row, tool, url, message in failures:
        print(f"FAIL {row} [{tool}] {url}: {message}")
    print(f"{len(failures)} failure(s); make validate took {report.timings['total']:.0f} s")
    return 1 if failures else 0


def write_report(report):
    table = report.table()
    timings = "\n".join(f"- {step}: {seconds:.1f} s" for step, seconds in report.timings.items())
    print("\n" + table + "\n\n" + timings)
    (ARTIFACTS / "results.md").write_text(
        f"# make validate on {BASE_URL} (production settings, demo content)\n\n{table}\n\n## Time\n\n{timings}\n"
    )
    data = {
        "base_url": BASE_URL,
        "rows": {
            row: {tool: {"summary": r.summary, "failures": r.failures} for tool, r in cells.items()}
            for row, cells in report.rows.items()
        },
        "urls": report.urls,
        "timings": report.timings,
    }
    (ARTIFACTS / "results.json").write_text(json.dumps(data, indent=2, ensure_ascii=False))


if __name__ == "__main__":
    sys.exit(main())
