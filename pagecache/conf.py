"""The page cache's settings, each with its one default (override any of them in the Django settings)."""

from django.conf import settings

DEFAULTS = {
    "PAGE_CACHE": False,  # on in the project settings; off where a test or a developer needs it off
    "PAGE_CACHE_ALIAS": "default",
    "PAGE_CACHE_TIMEOUT": 300,  # seconds an entry lives (a purge makes it unreachable sooner)
    "PAGE_CACHE_BROWSER_MAX_AGE": 60,  # Cache-Control max-age
    "PAGE_CACHE_SHARED_MAX_AGE": 300,  # Cache-Control s-maxage (CDN, purged on publish when configured)
    "PAGE_CACHE_STALE_WHILE_REVALIDATE": 30,
    "PAGE_CACHE_LOCK_TIMEOUT": 10,  # seconds a rendering process holds the stampede lock at most
    "PAGE_CACHE_LOCK_WAIT": 2.0,  # seconds other processes wait for its result
    "PAGE_CACHE_EXCLUDED_PATHS": ("/admin/", "/documents/", "/apercu/", "/_util/", "/healthz", "/static/", "/media/"),
    "PAGE_CACHE_UNCACHED_PATHS": ("/recherche/",),  # normalised, not stored (unbounded key space)
    "FRAGMENT_CACHE": False,  # pagecache/fragments.py: on in the project settings, off in the tests
    "FRAGMENT_CACHE_ALIAS": "default",
    "FRAGMENT_CACHE_TIMEOUT": 7 * 24 * 3600,  # a fragment's key changes with its content: old ones expire
}


def setting(name):
    return getattr(settings, name, DEFAULTS[name])
