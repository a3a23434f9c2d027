"""The JSON-LD of a page checked against the required and recommended properties of each schema.org type.

One table (RULES) for `make validate` (tools/validators/run.py, on the demo site) and the unit tests
(tests/core/test_structured_data.py). Required and recommended come from schema.org and the search
engines' structured-data documentation (Google's "Article", "Event", "Breadcrumb", "Organization",
"Sitelinks search box"): a recommended property missing is reported too, the site's own content
being expected complete. `problems(html, origin)` returns French-free, plain messages; [] is clean.
"""

import json
import re
from html.parser import HTMLParser

DATETIME = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$")
DATE_OR_DATETIME = re.compile(r"^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2}))?$")
SEARCH_TERM = "{search_term_string}"

# type: (required, recommended); "a.b" is a nested property, checked in order.
RULES = {
    "NewsArticle": (
        ["headline", "datePublished", "author", "publisher", "image", "url"],
        ["dateModified", "description", "mainEntityOfPage", "inLanguage", "publisher.logo"],
    ),
    "Event": (
        ["name", "startDate", "location"],
        ["endDate", "description", "image", "eventStatus", "eventAttendanceMode", "organizer", "url"],
    ),
    "BreadcrumbList": (["itemListElement"], []),
    "WebSite": (["name", "url"], ["potentialAction", "publisher", "inLanguage"]),
    "Organization": (["name", "url"], []),  # the logo: checked on CUF itself (publisher.logo, the home page)
    "GovernmentOrganization": (["name", "url"], ["address"]),
    "CreativeWork": (["name", "url"], ["description", "image", "publisher", "inLanguage"]),
    "DonateAction": (["name", "url", "recipient"], ["description", "image"]),
    "WebPage": (["name", "url"], ["inLanguage", "publisher"]),
    "CollectionPage": (["name", "url"], ["inLanguage", "publisher"]),
}
# Properties holding an Organization (or a list of them) that must have a name and a url.
ORGANIZATION_PROPERTIES = ("author", "publisher", "organizer", "recipient", "parentOrganization", "memberOf")
# Properties that are URLs of this site: absolute, on the public origin.
SITE_URL_PROPERTIES = ("url", "mainEntityOfPage", "@id")


class _Scripts(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.blocks, self._inside, self._text = [], False, []

    def handle_starttag(self, tag, attrs):
        if tag == "script" and dict(attrs).get("type") == "application/ld+json":
            self._inside, self._text = True, []

    def handle_data(self, data):
        if self._inside:
            self._text.append(data)

    def handle_endtag(self, tag):
        if tag == "script" and self._inside:
            self.blocks.append("".join(self._text))
            self._inside = False


def extract(html):
    """([JSON-LD objects], [parse errors]) of an HTML document; a top-level list or @graph is flattened."""
    parser = _Scripts()
    parser.feed(html)
    objects, errors = [], []
    for raw in parser.blocks:
        try:
            data = json.loads(raw)
        except ValueError as error:
            errors.append(f"JSON-LD is not valid JSON: {error}")
            continue
        items = data if isinstance(data, list) else data.get("@graph", [data])
        for item in items:
            if "@context" not in item and "@context" not in data:
                errors.append(f"{item.get('@type', '?')}: no @context")
            objects.append(item)
    return objects, errors


def _get(data, dotted):
    value = data
    for name in dotted.split("."):
        if isinstance(value, list):
            value = value[0] if value else None
        if not isinstance(value, dict) or value.get(name) in (None, "", [], {}):
            return None
        value = value[name]
    return value


def _urls_on(origin, value, where):
    """Messages for URLs in `value` that are not absolute URLs of the site."""
    values = value if isinstance(value, list) else [value]
    problems = []
    for url in values:
        url = url.get("url") if isinstance(url, dict) else url
        if not isinstance(url, str) or not url.startswith(("http://", "https://")):
            problems.append(f"{where}: not an absolute URL ({url!r})")
        elif origin and not (url == origin or url.startswith(origin + "/")):
            problems.append(f"{where}: {url} is not on {origin}")
    return problems


def _organization(value, where, origin):
    problems = []
    for org in value if isinstance(value, list) else [value]:
        if not isinstance(org, dict):
            problems.append(f"{where}: not an object")
            continue
        if set(org) == {"@id"}:
            continue  # a reference to the Organization described elsewhere on the page
        if not org.get("name"):
            problems.append(f"{where}: no name")
        if not org.get("url") and org.get("@type") != "GovernmentOrganization":
            problems.append(f"{where}: no url")
    return problems


def check_object(data, origin=""):
    """Messages about one JSON-LD object ([] when it has what its type needs)."""
    kind = data.get("@type", "?")
    if kind not in RULES:
        return [f"{kind}: type not covered by the check (add it to tools/validators/jsonld.py)"]
    required, recommended = RULES[kind]
    problems = [f"{kind}: required property {name} missing" for name in required if _get(data, name) is None]
    problems += [f"{kind}: recommended property {name} missing" for name in recommended if _get(data, name) is None]
    for name in SITE_URL_PROPERTIES:
        if data.get(name):
            problems += _urls_on(origin, data[name], f"{kind}.{name}")
    if data.get("image"):
        problems += _urls_on(origin, data["image"], f"{kind}.image")
    for name in ORGANIZATION_PROPERTIES:
        if data.get(name):
            problems += _organization(data[name], f"{kind}.{name}", origin)
    if _get(data, "publisher.logo"):
        problems += _urls_on(origin, _get(data, "publisher.logo"), f"{kind}.publisher.logo")
    problems += CHECKS.get(kind, lambda data, origin: [])(data, origin)
    return problems


def _news_article(data, origin):
    problems = []
    for name in ("datePublished", "dateModified"):
        value = data.get(name)
        if value and not DATETIME.match(value):
            problems.append(f"NewsArticle: {name} {value!r} is not a full ISO 8601 timestamp with a time zone")
    if len(data.get("headline", "")) > 110:
        problems.append("NewsArticle: headline longer than 110 characters")
    return problems


def _event(data, origin):
    problems = []
    for name in ("startDate", "endDate"):
        value = data.get(name)
        if value and not DATE_OR_DATETIME.match(value):
            problems.append(f"Event: {name} {value!r} is not an ISO 8601 date or timestamp with a time zone")
    locations = data.get("location") or []
    for location in locations if isinstance(locations, list) else [locations]:
        if location.get("@type") == "Place" and not (location.get("name") and location.get("address")):
            problems.append("Event: a Place location needs a name and an address")
        elif location.get("@type") == "VirtualLocation" and not location.get("url"):
            problems.append("Event: a VirtualLocation needs a url")
    return problems


def _breadcrumbs(data, origin):
    items = data.get("itemListElement") or []
    problems = []
    for expected, item in enumerate(items, start=1):
        if item.get("@type") != "ListItem" or item.get("position") != expected:
            problems.append(f"BreadcrumbList: item {expected} is not a ListItem at position {expected}")
        if not item.get("name"):
            problems.append(f"BreadcrumbList: item {expected} has no name")
        problems += _urls_on(origin, item.get("item"), f"BreadcrumbList.item[{expected}]")
    if len(items) < 2:
        problems.append("BreadcrumbList: fewer than two items")
    return problems


def _website(data, origin):
    action = data.get("potentialAction") or {}
    target = action.get("target") or {}
    template = target.get("urlTemplate", "") if isinstance(target, dict) else target
    problems = []
    if action.get("@type") != "SearchAction":
        problems.append("WebSite: potentialAction is not a SearchAction")
    if SEARCH_TERM not in template:
        problems.append(f"WebSite: SearchAction target {template!r} has no {SEARCH_TERM}")
    else:
        problems += _urls_on(origin, template.replace(SEARCH_TERM, "x"), "WebSite.SearchAction.target")
    if action.get("query-input") != "required name=search_term_string":
        problems.append("WebSite: SearchAction query-input is not 'required name=search_term_string'")
    return problems


def _organization_type(data, origin):
    logo = data.get("logo")
    return _urls_on(origin, logo, "Organization.logo") if logo else []


CHECKS = {
    "NewsArticle": _news_article,
    "Event": _event,
    "BreadcrumbList": _breadcrumbs,
    "WebSite": _website,
    "Organization": _organization_type,
}


def problems(html, origin="", expect=()):
    """Messages about a page's JSON-LD: parse errors, each object's, and types in `expect` not found."""
    objects, messages = extract(html)
    for data in objects:
        messages += check_object(data, origin)
    found = {data.get("@type") for data in objects}
    messages += [f"no {kind} JSON-LD" for kind in expect if kind not in found]
    return messages


def types(html):
    return [data.get("@type") for data in extract(html)[0]]
