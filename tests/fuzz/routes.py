"""Every public route and the query parameters it reads: the data the fuzz suite generates requests from.

Derived from the code: cuf_cms/urls.py (search, sitemap, robots, healthz, preview links, hubs, feeds
that look like files), the routable pages (articles index and feed, agenda, past events and iCalendar,
event .ics) and the FilterSets (core.filters.TaggedFilterSet and each app's). A new public route is one
line in ROUTES; a new filter is one word in its route's params (and in the page cache's
PAGE_CACHE_QUERY_PARAMS when the page is cacheable).

`{slug}`-style placeholders in a path are filled with a real value of the fuzz site (tests/fuzz/conftest.py)
or, some of the time, with a generated segment.
"""

from dataclasses import dataclass

HTML = "text/html"
RSS = "application/rss+xml"
ICAL = "text/calendar"
XML = "application/xml"
TEXT = "text/plain"
CSV = "text/csv"

# Values each parameter takes on a real site, mixed by the strategies with hostile ones.
TAGGED = ("pays", "thematique")
LISTING = (*TAGGED, "page")


@dataclass(frozen=True)
class Route:
    name: str
    path: str
    params: tuple = ()
    content_type: str = HTML
    max_queries: int = 30
    # Whether the page cache may store it (tests/fuzz/test_page_cache.py fuzzes those with the cache on).
    cacheable: bool = True
    # A form that posts to its own URL: a POST gets the form again with French messages, or a redirect.
    accepts_post: bool = False


ROUTES = (
    Route("home", "/"),
    Route("articles", "/actualites/", (*LISTING, "type", "annee")),
    Route("articles-feed", "/actualites/flux.xml", (*TAGGED, "type", "annee"), RSS),
    Route("article", "/actualites/{article}/"),
    Route("agenda", "/agenda/", (*LISTING, "format", "mois")),
    Route("agenda-past", "/agenda/passes/", (*LISTING, "format", "mois")),
    Route("agenda-ical", "/agenda/agenda.ics", (*TAGGED, "format", "mois"), ICAL),
    Route("event", "/agenda/{event}/"),
    Route("event-ical", "/agenda/{event}/evenement.ics", (), ICAL),
    Route("resources", "/centre-de-ressources/", (*LISTING, "type")),
    Route("resource", "/centre-de-ressources/{resource}/"),
    Route("countries", "/pays/"),
    Route("country", "/pays/{country}/"),
    Route("themes", "/thematiques/"),
    Route("theme", "/thematiques/{theme}/"),
    Route("search", "/recherche/", ("q", "page"), max_queries=40, cacheable=False),
    Route("sitemap-index", "/sitemap.xml", (), XML),
    Route("sitemap-pages", "/sitemap-pages.xml", ("p",), XML),
    Route("robots", "/robots.txt", (), TEXT),
    Route("healthz", "/healthz", (), TEXT, cacheable=False),
    Route("standard-page", "/{standard}/"),
    Route("preview-link", "/apercu/{preview_token}/", cacheable=False),
    Route("admin-login", "/admin/login/", ("next",), cacheable=False, accepts_post=True),
    Route("document", "/documents/{document}/rapport.pdf", (), "application/pdf", cacheable=False),
    # The second wave: funds, calls, groupes-pays, the directory, registration and the newsletter.
    Route("funds", "/fonds-de-solidarite/", ("page",)),
    Route("fund", "/fonds-de-solidarite/{fund}/"),
    Route("fund-csv", "/fonds-de-solidarite/{fund}/transparence.csv", (), CSV),
    Route("pledge-form", "/fonds-de-solidarite/{fund}/promesse/", cacheable=False, accepts_post=True),
    Route("calls", "/appels/", (*LISTING, "statut", "type")),
    Route("call", "/appels/{call}/"),
    Route("calls-ical", "/appels/echeances.ics", (), ICAL),
    Route("groups", "/groupes-pays/"),
    Route("group", "/groupes-pays/{group}/"),
    Route("directory", "/collectivites/", ("type", "region", "groupe", "adherent", "page")),
    Route("collectivite", "/collectivites/{collectivite}/"),
    Route("registration-form", "/agenda/{event}/inscription/", cacheable=False, accepts_post=True),
    Route("newsletter", "/lettre/", cacheable=False, accepts_post=True),
    Route("newsletter-archives", "/lettre/archives/", ("page",)),
)

# Parameter names no route reads (tracking, cache busters, framework names) and array-style variants.
UNKNOWN_PARAMS = ("utm_source", "fbclid", "r", "format[]", "page[]", "q[]", "pays[]", "_", "callback", "")

# Methods a crawler or a scanner sends; every public view reads only GET/HEAD.
ODD_METHODS = ("HEAD", "OPTIONS", "POST", "PUT", "DELETE", "PATCH", "TRACE", "PROPFIND")


def by_name(name):
    return next(route for route in ROUTES if route.name == name)
