"""Answer page-cache hits before Django's request handler, at the WSGI level.

The middleware already answers a hit without running any other middleware, but Django's handler
still sends request_started/request_finished (closing database connections and caches), builds the
handler chain's objects and converts the response: on a hit that is most of the work left. This
wrapper makes the same decision with the same code (core.cache.middleware.lookup) and writes the
stored response directly; anything else (a miss, a logged-in editor, a bad Host header) goes to
Django unchanged, with the lookup kept in the environ so that it is not made twice.
"""

from http import HTTPStatus

from django.conf import settings
from django.core.exceptions import DisallowedHost
from django.core.handlers.wsgi import WSGIRequest

from core.cache import local
from core.cache.middleware import LOOKUP_ENVIRON_KEY, lookup, response_from_entry


class PageCacheApplication:
    def __init__(self, application):
        self.application = application
        self._prepared_entries = {}

    def __call__(self, environ, start_response):
        if getattr(settings, "PAGE_CACHE", False) and environ.get("REQUEST_METHOD") in ("GET", "HEAD"):
            # A copy: WSGIRequest writes the decoded PATH_INFO back into the dict it is given, and
            # Django's own request, made from the same environ, would decode "é" a second time.
            request = WSGIRequest(dict(environ))
            try:
                found = lookup(request)
            except DisallowedHost:  # Django answers it with its 400
                found = None
            if found is not None and found.state == "hit":
                return self._hit(request, found, start_response)
            if found is not None:
                environ["QUERY_STRING"] = request.META.get("QUERY_STRING", "")  # the canonical one
                environ[LOOKUP_ENVIRON_KEY] = found
        return self.application(environ, start_response)

    def _hit(self, request, found, start_response):
        entry = found.entry
        if request.META.get("HTTP_IF_NONE_MATCH") == entry[4]:  # the rare 304: the general path
            response = response_from_entry(request, entry, "hit")
            start_response(f"{response.status_code} {response.reason_phrase}", list(response.items()))
            return []
        status, headers = self._prepared(found.key, entry)
        start_response(status, headers)
        return [] if request.method == "HEAD" else [entry[3]]

    def _prepared(self, key, entry):
        """Status line and headers of an entry, built once per process (they are the same for every hit)."""
        prepared_key = (key, entry[0], entry[4])
        prepared = self._prepared_entries.get(prepared_key)
        if prepared is None:
            response = response_from_entry(None, entry, "hit")
            prepared = (f"{response.status_code} {HTTPStatus(response.status_code).phrase}", list(response.items()))
            if len(self._prepared_entries) >= local.entries.max_entries:
                self._prepared_entries.clear()
            self._prepared_entries[prepared_key] = prepared
        return prepared
