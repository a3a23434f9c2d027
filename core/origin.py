"""The site's public origin, `BASE_URL` (scheme://host[:port]): the one source of every absolute URL.

Canonical links, OpenGraph, JSON-LD, the RSS feed, the iCalendar feeds, the sitemap and the links of
emails are all built here, never from the request's Host header (a site reached under two names
would otherwise publish two sets of URLs) nor from Wagtail's Site record alone (it said
http://localhost on a fresh install). Wagtail's default Site is kept equal to BASE_URL by `migrate`
(`sync_default_site`, a post_migrate handler) and `manage.py check --deploy` fails when they differ
(core/checks.py), so Wagtail's own URLs (admin "view live", page previews) agree too.
"""

import logging
from functools import lru_cache
from urllib.parse import urlsplit, urlunsplit

from django.conf import settings
from django.db import DatabaseError, IntegrityError, transaction
from django.urls import reverse

logger = logging.getLogger(__name__)

DEFAULT_PORTS = {"http": 80, "https": 443}


@lru_cache(maxsize=8)
def parse_base_url(value):
    """(scheme, host, port) of a BASE_URL value; ValueError names what is wrong with it.

    Only an origin is accepted: http or https, a host, an optional port, no path, query or fragment
    (a trailing "/" is tolerated). Cached by value: a feed or a sitemap asks for the origin once per URL.
    """
    parts = urlsplit((value or "").strip())
    if parts.scheme not in DEFAULT_PORTS or not parts.hostname:
        raise ValueError(f"BASE_URL must look like https://www.example.org (got {value!r})")
    if parts.path not in ("", "/") or parts.query or parts.fragment or parts.username or parts.password:
        raise ValueError(f"BASE_URL must be an origin only, without path, query or credentials (got {value!r})")
    try:
        port = parts.port or DEFAULT_PORTS[parts.scheme]
    except ValueError as error:  # a port out of range or not a number
        raise ValueError(f"BASE_URL has an invalid port (got {value!r})") from error
    return parts.scheme, parts.hostname.lower(), port


def origin():
    """BASE_URL normalised: scheme://host[:port], lower-case host, default port left out, no trailing slash."""
    return normalised_origin(settings.BASE_URL)


@lru_cache(maxsize=8)
def normalised_origin(base_url):
    scheme, host, port = parse_base_url(base_url)
    netloc = f"[{host}]" if ":" in host else host
    if port != DEFAULT_PORTS[scheme]:
        netloc = f"{netloc}:{port}"
    return f"{scheme}://{netloc}"


def host():
    """The origin's host name (iCalendar UIDs: stable whatever name a calendar was fetched under)."""
    return parse_base_url(settings.BASE_URL)[1]


def absolute(path):
    """The URL of a site path ("/actualites/") on the public origin; an absolute URL is returned as it is
    (a media file on another host, an external link)."""
    if path.startswith(("http://", "https://")):
        return path
    if path.startswith("//"):
        return f"{urlsplit(origin()).scheme}:{path}"
    return origin() + "/" + path.lstrip("/")


def rebase(url):
    """An absolute URL built elsewhere (from the request's host or from the Site record) moved onto the
    public origin: its path, query and fragment kept."""
    parts = urlsplit(url)
    return origin() + urlunsplit(("", "", parts.path or "/", parts.query, parts.fragment))


def page_url(page, request=None):
    """A page's absolute URL on the public origin, or None when the page is not routable."""
    parts = page.get_url_parts(request)
    if parts is None or parts[2] is None:
        return None
    return absolute(parts[2])


def path_urls():
    """A function giving the absolute URL of a page known by its url_path only (rows read as values in
    feeds and sitemaps): what page_url() gives for the loaded page, or None when no site holds the path.
    Wagtail's site root paths are read once and the serve view's prefix reversed once, not per page."""
    from wagtail.models import Site  # here, not at the top: see default_site()

    root_paths = [root.root_path for root in Site.get_site_root_paths()]
    base = absolute(reverse("wagtail_serve", args=("",)))

    def url_of(url_path):
        root_path = next((root for root in root_paths if url_path.startswith(root)), None)
        return None if root_path is None else base + url_path[len(root_path) :]

    return url_of


def site_address():
    """(hostname, port) that Wagtail's Site needs for its root_url to equal the origin.

    Wagtail's Site.root_url writes http on any port but 443 and https only on 443, so an https origin on
    another port (or http on 443) cannot be a Site: ValueError.
    """
    scheme, hostname, port = parse_base_url(settings.BASE_URL)
    if (scheme == "https") != (port == 443):
        raise ValueError(
            f"Wagtail's Site cannot express {origin()}: it writes https only on port 443 and http on any other port"
        )
    return hostname, port


def default_site(using="default"):
    # Imported here, not at the top: the production settings import this module (parse_base_url)
    # before any app is loaded.
    from wagtail.models import Site

    return Site.objects.using(using).filter(is_default_site=True).first()


def sync_default_site(using="default", verbosity=1):
    """Set the default Site's hostname and port from BASE_URL. Returns the Site when it changed, else None.

    Run after every `migrate` (post_migrate handler, core/apps.py; `load_demo_content` sets the same
    address, demo/site.py): a deploy that changes BASE_URL moves the Site with its next migrate.
    """
    try:
        hostname, port = site_address()
    except ValueError as error:
        logger.warning("Default Site left as it is: %s", error)
        return None
    try:
        site = default_site(using)
    except DatabaseError:  # no table yet (a migrate that stopped early)
        return None
    if site is None or (site.hostname, site.port) == (hostname, port):
        return None
    previous = site.root_url
    site.hostname, site.port = hostname, port
    try:
        with transaction.atomic(using=using):
            site.save(using=using)
    except IntegrityError:
        logger.warning("Default Site left at %s: another Site already uses %s:%s", previous, hostname, port)
        return None
    if verbosity >= 1:
        print(f"Site par défaut : {previous} → {site.root_url} (BASE_URL)")
    return site
