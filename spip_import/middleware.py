"""Old SPIP URLs that no redirect knows answer 301 to the closest section instead of 404.

Listed just before wagtail's RedirectMiddleware in MIDDLEWARE, so it sees the response after the
redirects were looked up: only a 404 whose path has a SPIP shape (spip.php?…, article12.html,
-Section-, +-Keyword-+, /IMG/…) costs anything here. The target: the object's own page when the import
knows it (an editor may have deleted its redirect), else the section named in the URL (id_rubrique=,
rubrique12, -Section-303-), else the home page.
"""

import re

from django.http import HttpResponsePermanentRedirect

from spip_import.models import SpipImportedObject

SHAPE_RE = re.compile(r"^/(spip\.php|(article|rubrique|mot|breve|auteur)\d+\.html|[a-z_]+\.php3|-.*-|\+-.*-\+|IMG/.*)$")
PATH_ID_RE = re.compile(r"^/(article|rubrique|mot)(\d+)\.html$|^/-.*-(\d+)-$")
QUERY_ID_RE = re.compile(r"^(article|rubrique|mot)(\d+)$")


def spip_objects(request):
    """(type, id) pairs the URL names, most specific first."""
    found = []
    path = request.path
    match = PATH_ID_RE.match(path)
    if match:
        found.append((match.group(1), int(match.group(2))) if match.group(1) else ("rubrique", int(match.group(3))))
    for key in request.GET:
        short = QUERY_ID_RE.match(key)
        if short:
            found.append((short.group(1), int(short.group(2))))
    for kind in ("article", "mot", "rubrique"):
        value = request.GET.get(f"id_{kind}", "")
        if value.isdigit():
            found.append((kind, int(value)))
    return found


class SpipFallbackMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.status_code != 404 or not SHAPE_RE.match(request.path):
            return response
        for kind, spip_id in spip_objects(request):
            known = SpipImportedObject.objects.filter(spip_type=kind, spip_id=spip_id).exclude(url="").first()
            if known is not None:
                return HttpResponsePermanentRedirect(known.url)
        return HttpResponsePermanentRedirect("/")
