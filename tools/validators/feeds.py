"""Feeds as feed readers and calendar apps read them: feedparser on the RSS feed, strict icalendar parsing
of every .ics, their URLs and UIDs on BASE_URL."""

import re
import sqlite3
from urllib.parse import urlsplit

import feedparser
from icalendar import Calendar

from .site import BASE_URL, fetch


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
