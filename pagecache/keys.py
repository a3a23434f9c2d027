"""URL normalisation for the page cache.

A public URL has a small, known set of query parameters (filters, pagination, search). Anything
else (utm_*, fbclid, gclid, cache busters like ?r=123) is dropped: it neither reaches the view nor
creates a cache entry. Known parameters are normalised (empty values dropped, whitespace trimmed,
slugs lowercased, repeated values deduplicated, names sorted) so that equivalent URLs share one key.

The allow-list is global rather than per page: a parameter is harmless on a page that ignores it,
and a single list (``PAGE_CACHE_QUERY_PARAMS``) is one place to extend when a page grows a filter.
"""

import functools
import hashlib
import re
from urllib.parse import parse_qsl, urlencode

from django.conf import settings
from django.core.signals import setting_changed
from django.dispatch import receiver

# name -> how to normalise its value. "slug": trimmed and lowercased; "int": canonical positive
# integer (anything else is kept as typed, so the view still shows its French message);
# "text": trimmed, inner whitespace collapsed, case kept (it is shown back to the visitor).
DEFAULT_QUERY_PARAMS = {
    "page": "int",
    "p": "int",  # Django's sitemap pagination
    "pays": "slug",
    "thematique": "slug",
    "type": "slug",
    "format": "slug",
    "annee": "int",
    "groupe": "slug",  # directory: ?groupe=<country slug>
    "region": "slug",  # directory: ?region=<French region>
    "adherent": "slug",  # directory: ?adherent=oui|non
    "mois": "slug",
    "statut": "slug",
    "q": "text",
}

MAX_VALUE_LENGTH = 200
MAX_VALUES_PER_PARAM = 10
_SPACES = re.compile(r"\s+")


def allowed_params():
    return getattr(settings, "PAGE_CACHE_QUERY_PARAMS", DEFAULT_QUERY_PARAMS)


def _normalise_value(kind, value):
    value = _SPACES.sub(" ", value).strip()[:MAX_VALUE_LENGTH]
    if kind == "slug":
        return value.lower()
    if kind == "int" and value.isascii() and value.isdigit():
        return str(int(value))
    return value


def normalise_query(query_string):
    """The canonical query string: known parameters only, normalised and sorted.

    >>> normalise_query("utm_source=x&pays=Liban&page=&thematique=eau&fbclid=1")
    'pays=liban&thematique=eau'
    """
    if not query_string:
        return ""
    if "%" not in query_string and _known_names_pattern().search(query_string) is None:
        return ""  # nothing but unknown parameters: not worth parsing, nor a place in the memo
    return _normalise_known_query(query_string)


@functools.cache
def _known_names_pattern():
    """Matches a field whose name is a known parameter: a cheap test before parsing, for query
    strings without "%" (a percent-encoded name is only recognised by the parser)."""
    names = "|".join(re.escape(name) for name in sorted(allowed_params(), key=len, reverse=True))
    return re.compile(rf"(?:^|&)(?:{names})(?:[=&]|$)")


@functools.lru_cache(maxsize=256)
def _normalise_known_query(query_string):
    """Memoised: every page-cache hit with a query string would otherwise parse it again (~30 µs)."""
    params = allowed_params()
    values = {}
    try:
        pairs = parse_qsl(query_string, keep_blank_values=False, max_num_fields=200)
    except ValueError:  # more fields than any real URL has: keep none
        return ""
    for name, raw in pairs:
        kind = params.get(name)
        if kind is None:
            continue
        value = _normalise_value(kind, raw)
        if value == "" or (name in ("page", "p") and value == "1"):
            continue
        bucket = values.setdefault(name, [])
        if value not in bucket and len(bucket) < MAX_VALUES_PER_PARAM:
            bucket.append(value)
    return urlencode([(name, value) for name in sorted(values) for value in sorted(values[name])])


def page_key(request, canonical_query):
    """Cache key of a page: scheme, host, path and canonical query (never cookies or headers)."""
    return key_for("https" if request.is_secure() else "http", request.get_host(), request.path, canonical_query)


def key_for(scheme, host, path, canonical_query):
    raw = f"{scheme}://{host}{path}?{canonical_query}"
    digest = hashlib.blake2b(raw.encode("utf-8", "surrogateescape"), digest_size=16).hexdigest()
    return f"pagecache:page:{digest}"


def lock_key(key):
    return f"{key}:lock"


@receiver(setting_changed)
def _forget_normalised_queries(setting, **kwargs):
    if setting == "PAGE_CACHE_QUERY_PARAMS":
        _normalise_known_query.cache_clear()
        _known_names_pattern.cache_clear()
