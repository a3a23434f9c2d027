"""Answer page-cache hits before Django's request handler, at the WSGI level.

The middleware already answers a hit without running any other middleware, but Django's handler
still builds a request, sends request_started/request_finished (closing database connections and
caches), builds the handler chain's objects and converts the response: on a hit that is most of the
work left. This wrapper decides from the WSGI environ alone, for the plain anonymous request that
most visitors send, with the middleware's own rules (pagecache.middleware.find, the same key), and
writes the stored response directly. Anything unusual goes to Django unchanged, where the
middleware decides with the whole request; a miss keeps its lookup in the environ so that it is not
made twice.
"""

import functools
from http import HTTPStatus

from django.conf import settings
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.http.request import split_domain_port, validate_host

from pagecache import local
from pagecache.conf import setting
from pagecache.keys import key_for, normalise_query
from pagecache.middleware import LOOKUP_ENVIRON_KEY, State, accepts_gzip, find, response_from_entry


class PageCacheApplication:
    def __init__(self, application):
        self.application = application
        self._prepared_entries = {}

    def __call__(self, environ, start_response):
        if setting("PAGE_CACHE") and environ.get("REQUEST_METHOD") in ("GET", "HEAD"):
            found = lookup_environ(environ)
            if found is not None:
                if found.state == State.HIT:
                    return self._hit(environ, found, start_response)
                environ[LOOKUP_ENVIRON_KEY] = found
        return self.application(environ, start_response)

    def _hit(self, environ, found, start_response):
        entry = found.entry
        gzip_ok = entry.gzipped is not None and accepts_gzip(environ.get("HTTP_ACCEPT_ENCODING"))
        if_none_match = environ.get("HTTP_IF_NONE_MATCH")
        if if_none_match:  # the rare conditional request: the general path
            response = response_from_entry(entry, State.HIT, if_none_match, gzip_ok)
            start_response(f"{response.status_code} {response.reason_phrase}", list(response.items()))
            return [] if response.status_code == 304 or environ["REQUEST_METHOD"] == "HEAD" else [response.content]
        status, headers = self._prepared(found.key, entry, gzip_ok)
        start_response(status, headers)
        return [] if environ["REQUEST_METHOD"] == "HEAD" else [entry.gzipped if gzip_ok else entry.body]

    def _prepared(self, key, entry, gzip_ok):
        """Status line and headers of an entry, built once per process (they are the same for every hit)."""
        prepared_key = (key, entry.generation, entry.etag, gzip_ok)
        prepared = self._prepared_entries.get(prepared_key)
        if prepared is None:
            response = response_from_entry(entry, State.HIT, gzip_ok=gzip_ok)
            prepared = (f"{response.status_code} {HTTPStatus(response.status_code).phrase}", list(response.items()))
            if len(self._prepared_entries) >= 2 * local.entries.max_entries:
                self._prepared_entries.clear()
            self._prepared_entries[prepared_key] = prepared
        return prepared


def lookup_environ(environ):
    """The middleware's lookup for a plain anonymous GET/HEAD, read from the WSGI environ alone.

    None when anything is unusual, and Django decides with the whole request: a session or messages
    cookie, an Authorization header, a script prefix, X-Forwarded-Host or -Port in use, a host outside
    ALLOWED_HOSTS, a path that is not UTF-8, an excluded or uncached path. Otherwise the
    query string is replaced by its canonical form and the lookup is made with the key Django's
    request would give (tests/pagecache/test_wsgi.py compares the two).
    """
    if "HTTP_AUTHORIZATION" in environ:
        return None
    cookie = environ.get("HTTP_COOKIE")
    if cookie and (settings.SESSION_COOKIE_NAME in cookie or "messages" in cookie):
        return None  # maybe a session: a substring is enough to let Django look closer
    if (
        environ.get("SCRIPT_NAME")
        or environ.get("SCRIPT_URL")
        or environ.get("REDIRECT_URL")
        or settings.FORCE_SCRIPT_NAME is not None
        or settings.USE_X_FORWARDED_HOST
        or settings.USE_X_FORWARDED_PORT
    ):
        return None
    scheme = _scheme(environ)
    host = environ.get("HTTP_HOST") or _server_host(environ, scheme)
    if not _is_allowed_host(host):
        return None
    try:
        path = environ.get("PATH_INFO", "").encode("latin-1").decode("utf-8")
    except UnicodeError:
        return None
    if not path.startswith("/") or path.startswith(_skipped_prefixes()):
        return None
    query = normalise_query(environ.get("QUERY_STRING", ""))
    found = find(key_for(scheme, host, path, query))
    environ["QUERY_STRING"] = query  # unknown parameters never reach the view
    return found


def _scheme(environ):
    """request.scheme, as Django derives it (SECURE_PROXY_SSL_HEADER first)."""
    if settings.SECURE_PROXY_SSL_HEADER:
        header, secure_value = settings.SECURE_PROXY_SSL_HEADER
        value = environ.get(header)
        if value is not None:
            return "https" if value.split(",", 1)[0].strip() == secure_value else "http"
    return environ.get("wsgi.url_scheme", "http")


def _server_host(environ, scheme):
    """Django's host when the client sent no Host header (PEP 3333's reconstruction)."""
    port = str(environ.get("SERVER_PORT", ""))
    host = environ.get("SERVER_NAME", "")
    return host if port == ("443" if scheme == "https" else "80") else f"{host}:{port}"


@functools.lru_cache(maxsize=64)
def _is_allowed_host(host):
    """request.get_host()'s check, remembered: a hit would otherwise validate the same host every time."""
    allowed_hosts = settings.ALLOWED_HOSTS
    if settings.DEBUG and not allowed_hosts:
        allowed_hosts = [".localhost", "127.0.0.1", "[::1]"]
    domain, _port = split_domain_port(host)
    return bool(domain) and validate_host(domain, allowed_hosts)


@functools.cache
def _skipped_prefixes():
    return tuple(setting("PAGE_CACHE_EXCLUDED_PATHS")) + tuple(setting("PAGE_CACHE_UNCACHED_PATHS"))


@receiver(setting_changed)
def _forget_remembered_settings(**kwargs):
    if kwargs["setting"] in ("ALLOWED_HOSTS", "DEBUG"):
        _is_allowed_host.cache_clear()
    if kwargs["setting"] in ("PAGE_CACHE_EXCLUDED_PATHS", "PAGE_CACHE_UNCACHED_PATHS"):
        _skipped_prefixes.cache_clear()
