"""Serve anonymous GET/HEAD requests of public pages from the shared cache.

First in MIDDLEWARE, so a hit runs no other middleware and does no cookie, session or database work;
entries keep the security headers the inner middlewares set at render time. Every entry records
the site-wide generation it was rendered under; any content change sets a new generation
(pagecache.purge), so an older entry is never served again. A hit reads the generation from the
shared cache (one small round trip) and serves the process's own copy of the entry when it carries
that generation (pagecache.local); otherwise it fetches the entry from the shared cache.

Anonymous means: no session cookie, no messages cookie, no Authorization header. Other cookies
(csrftoken, analytics, consent) are ignored, so they neither bypass the cache nor enter the key.
"""

import gzip
import hashlib
import re
import time
from enum import StrEnum
from typing import NamedTuple

from django.conf import settings
from django.core.cache import caches
from django.http import HttpResponse, HttpResponseNotModified, QueryDict
from django.utils.cache import patch_cache_control

from pagecache import generation, local
from pagecache.conf import setting
from pagecache.keys import lock_key, normalise_query, page_key

SKIPPED_HEADERS = {"set-cookie", "date", "vary", "x-page-cache", "content-length", "etag"}
VARY_IGNORED = {"cookie", "accept-language"}
COMPRESSIBLE_TYPES = ("text/", "application/xml", "application/rss+xml", "application/atom+xml", "application/json")
MIN_COMPRESSED_LENGTH = 1024  # below that, gzip's framing eats most of the gain
ACCEPTS_GZIP = re.compile(r"\bgzip\b")  # as django.middleware.gzip.GZipMiddleware reads Accept-Encoding


class State(StrEnum):
    """What the page cache did for a request, sent in the X-Page-Cache header."""

    SKIP = "skip"  # not a page the cache handles (admin, POST, a preview…)
    BYPASS = "bypass"  # a logged-in or otherwise personal request
    UNCACHED = "uncached"  # normalised but never stored (search)
    UNAVAILABLE = "unavailable"  # the shared cache does not answer: rendered without it
    HIT = "hit"
    HIT_AFTER_WAIT = "hit-after-wait"  # another process rendered it while this one waited
    MISS = "miss"  # rendered and stored
    UNCACHEABLE = "uncacheable"  # rendered, not storable (an error, a cookie, a CSRF token…)


class Entry(NamedTuple):
    """A stored page: what a hit replays."""

    generation: str
    status: int
    headers: tuple  # (name, value) pairs worth replaying
    body: bytes
    etag: str
    stored_at: float  # epoch seconds
    gzipped: bytes | None  # the body compressed once, or None when not worth it


def is_anonymous(request):
    cookies = request.COOKIES
    if settings.SESSION_COOKIE_NAME in cookies or "messages" in cookies:
        return False
    return "HTTP_AUTHORIZATION" not in request.META


def _rewrite_query(request, canonical):
    """Unknown parameters never reach the view: it sees the canonical query string only."""
    if request.META.get("QUERY_STRING", "") != canonical:
        request.META["QUERY_STRING"] = canonical
        request.GET = QueryDict(canonical)


def cache_control_value():
    value = "public, max-age={}, s-maxage={}, stale-while-revalidate={}".format(
        setting("PAGE_CACHE_BROWSER_MAX_AGE"),
        setting("PAGE_CACHE_SHARED_MAX_AGE"),
        setting("PAGE_CACHE_STALE_WHILE_REVALIDATE"),
    )
    return value


def is_storable(request, response):
    """Only a plain 200 that is the same for every anonymous visitor may be stored."""
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    if request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):
        return False  # the body holds a CSRF token tied to this visitor
    cache_control = response.get("Cache-Control", "").lower()
    if any(word in cache_control for word in ("private", "no-store", "no-cache", "max-age=0")):
        return False
    vary = {part.strip().lower() for part in response.get("Vary", "").split(",") if part.strip()}
    return vary <= VARY_IGNORED


def make_entry(current_generation, response):
    """The Entry to store: its body is also compressed once with gzip, served to browsers that accept it.

    Compressing here is safe from BREACH-style attacks: a stored page holds no secret (pages with a
    CSRF token or a session are never stored).
    """
    if not response.has_header("Cache-Control"):
        response["Cache-Control"] = cache_control_value()
    # The key ignores cookies (anonymous visitors all get the same page) and the site speaks
    # French only, so Vary: Cookie / Accept-Language would only fragment browser and CDN caches.
    if response.has_header("Vary"):
        del response["Vary"]
    content = response.content
    compressed = _compressed(response, content)
    if compressed is not None:
        response["Vary"] = "Accept-Encoding"  # a CDN keeps both representations apart
    etag = f'"{hashlib.blake2b(content, digest_size=12).hexdigest()}"'
    response["ETag"] = etag
    headers = tuple((name, value) for name, value in response.items() if name.lower() not in SKIPPED_HEADERS)
    if compressed is not None:
        headers += (("Vary", "Accept-Encoding"),)
    return Entry(current_generation, response.status_code, headers, content, etag, time.time(), compressed)


def _compressed(response, content):
    content_type = response.get("Content-Type", "")
    if len(content) < MIN_COMPRESSED_LENGTH or response.has_header("Content-Encoding"):
        return None
    if not content_type.startswith(COMPRESSIBLE_TYPES) and "calendar" not in content_type:
        return None
    compressed = gzip.compress(content, compresslevel=6, mtime=0)
    return compressed if len(compressed) < len(content) else None


def accepts_gzip(accept_encoding):
    return bool(accept_encoding) and ACCEPTS_GZIP.search(accept_encoding) is not None


def gzip_etag(etag):
    """The compressed representation's own strong ETag (RFC 9110: one per representation)."""
    return f'{etag[:-1]}-gzip"'


def is_current(entry, current_generation):
    """True for an entry of this generation (entries of another shape, from an older release, are not)."""
    return isinstance(entry, Entry) and entry.generation == current_generation


def response_from_entry(entry, state, if_none_match=None, gzip_ok=False):
    """The stored response, compressed when the client accepts gzip and a compressed body exists."""
    content, etag, compressed = entry.body, entry.etag, gzip_ok and entry.gzipped is not None
    if compressed:
        content, etag = entry.gzipped, gzip_etag(etag)
    if if_none_match == etag:
        response = HttpResponseNotModified()
    else:
        response = HttpResponse(content, status=entry.status)
        response["Content-Length"] = str(len(content))
    for name, value in entry.headers:
        response[name] = value
    if compressed:
        response["Content-Encoding"] = "gzip"
    response["ETag"] = etag
    response["X-Page-Cache"] = state
    return response


LOOKUP_ENVIRON_KEY = "cuf.page_cache.lookup"


class Lookup(NamedTuple):
    """What the page cache can do for a request, with what a hit or a miss needs."""

    state: State
    key: str = ""
    current: str = ""
    entry: Entry | None = None


def lookup(request):
    """Decide for one request, reading the shared cache as little as possible (one small read on a hit).

    pagecache.wsgi makes the same decision before Django's handler for plain anonymous requests
    and keeps a miss in the WSGI environ, so that it is not looked up twice.
    """
    found = request.META.get(LOOKUP_ENVIRON_KEY)
    if found is not None:
        return found
    if (
        not setting("PAGE_CACHE")
        # Wagtail's previews (admin and shareable links) render a draft through a dummy request
        # for the live page's URL: it must neither read nor fill that URL's entry.
        or getattr(request, "is_dummy", False)
        or request.method not in ("GET", "HEAD")
        or request.path_info.startswith(setting("PAGE_CACHE_EXCLUDED_PATHS"))
    ):
        return Lookup(State.SKIP)
    _rewrite_query(request, normalise_query(request.META.get("QUERY_STRING", "")))
    if not is_anonymous(request):
        return Lookup(State.BYPASS)
    if request.path_info.startswith(setting("PAGE_CACHE_UNCACHED_PATHS")):
        return Lookup(State.UNCACHED)

    return find(page_key(request, request.META.get("QUERY_STRING", "")))


def find(key):
    """Hit, miss or unavailable for one cache key: the generation read, then the local or shared entry."""
    cache = page_cache()
    current = generation.read(cache)
    if current is None:  # the cache is unreachable: serve without it
        return Lookup(State.UNAVAILABLE)
    entry = local.entries.get(key, current, setting("PAGE_CACHE_TIMEOUT"))
    if entry is None:
        entry = cache.get(key)
        if not is_current(entry, current):
            return Lookup(State.MISS, key, current)
        local.entries.put(key, entry)
    return Lookup(State.HIT, key, current, entry)


def _accepts_gzip(request):
    return accepts_gzip(request.META.get("HTTP_ACCEPT_ENCODING"))


def page_cache():
    return caches[setting("PAGE_CACHE_ALIAS")]


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        found = lookup(request)
        if found.state == State.SKIP:
            return self.get_response(request)
        if found.state == State.HIT:
            return response_from_entry(
                found.entry, State.HIT, request.META.get("HTTP_IF_NONE_MATCH"), _accepts_gzip(request)
            )
        if found.state == State.MISS:
            return self._render(request, page_cache(), found.key, found.current)
        return self._bypass(request, found.state)

    def _bypass(self, request, state):
        response = self.get_response(request)
        if state == State.BYPASS and not response.has_header("Cache-Control"):
            # A logged-in (or otherwise personal) view of a public page: no shared cache may keep it.
            patch_cache_control(response, private=True, no_cache=True)
        response["X-Page-Cache"] = state
        return response

    def _render(self, request, cache, key, current):
        """A miss: one process renders while the others wait for its result (stampede lock)."""
        lock = lock_key(key)
        locked = cache.add(lock, 1, setting("PAGE_CACHE_LOCK_TIMEOUT"))
        if not locked:
            entry = self._wait_for(cache, key, current)
            if entry is not None:
                return response_from_entry(
                    entry, State.HIT_AFTER_WAIT, request.META.get("HTTP_IF_NONE_MATCH"), _accepts_gzip(request)
                )
        try:
            response = self.get_response(request)
            if is_storable(request, response):
                entry = make_entry(current, response)
                cache.set(key, entry, setting("PAGE_CACHE_TIMEOUT"))
                local.entries.put(key, entry)
                response["X-Page-Cache"] = State.MISS
            else:
                response["X-Page-Cache"] = State.UNCACHEABLE
            return response
        finally:
            if locked:
                cache.delete(lock)

    @staticmethod
    def _wait_for(cache, key, current):
        """Poll briefly for the entry another process is rendering; never accept an older one."""
        deadline = time.monotonic() + setting("PAGE_CACHE_LOCK_WAIT")
        while time.monotonic() < deadline:
            time.sleep(0.02)
            entry = cache.get(key)
            if is_current(entry, current):
                return entry
        return None
