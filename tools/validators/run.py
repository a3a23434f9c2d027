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
Modules: site.py (the server and its requests), feeds.py (RSS and iCalendar), report.py (the table),
jsonld.py (JSON-LD rules); the other checks and the run are here.
A failure names the page type, the URL and the message; the exit code is 1 when there is one.

    python -m tools.validators.run [--only html,json-ld,meta,feeds,sitemap,lighthouse]
"""

import argparse
import concurrent.futures
import json
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit
from xml.etree import ElementTree

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from tests.e2e import demo_db, pages  # noqa: E402
from tools.validators import jsonld  # noqa: E402
from tools.validators.feeds import check_feeds  # noqa: E402
from tools.validators.report import ARTIFACTS, TOOLS, Report, write_report  # noqa: E402
from tools.validators.site import (  # noqa: E402
    BASE_URL,
    WORK,
    discover_pages,
    fetch,
    prepare,
    server_env,
    start_server,
    stop_server,
)

HERE = Path(__file__).resolve().parent
VNU_JAR = HERE / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
JAVA = os.environ.get("JAVA", "java")
CHROME_PATH = os.environ.get("CHROME_PATH", "/usr/bin/chromium")

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


if __name__ == "__main__":
    sys.exit(main())
