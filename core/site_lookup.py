"""The Wagtail Site of a request, looked up once per purge for each host and port.

Wagtail finds it with a query on every request (`Site.find_for_request`, kept on the request as
`_wagtail_site`), although sites change only in the admin, and every Site save or delete purges
(pagecache/purge.py). This middleware, placed after CommonMiddleware (so a host outside
ALLOWED_HOSTS never reaches it and never makes a cache key), gives the request the Site found for
its host and port since the last purge. Should a Wagtail release stop reading `_wagtail_site`, it
would look the site up itself again: slower, never wrong.
"""

import contextlib

from django.http.request import split_domain_port
from wagtail.models import Site

from pagecache.fragments import reused_until_purge


class SiteLookupMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not hasattr(request, "_wagtail_site"):
            hostname = split_domain_port(request._get_raw_host())[0]
            parts = (hostname, request.get_port())
            # The database down: leave the lookup to Wagtail, the view decides (/healthz answers 503).
            with contextlib.suppress(Exception):
                request._wagtail_site = reused_until_purge("site", parts, lambda: Site._find_for_request(request))
        return self.get_response(request)
