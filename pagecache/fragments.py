"""Fragments of a page (an iCalendar event, a card) rendered once per version of what they show.

A publish purges the whole page cache (pagecache/purge.py), so the first visitors after it paid for
rendering every card and every calendar event again, although only the published page changed. A
fragment's key is a digest of everything its output depends on (the page's pk and last publication,
its URL, the names of its terms, its picture's file…), so an unchanged fragment is found again after
any number of purges and a changed one is simply never asked for again; old entries expire.
`reused_until_purge` is the other half: values the same for every visitor that only a publish
changes (a listing's keys and count, a sitemap page) kept until the next purge.

`FRAGMENT_CACHE = False` (env FRAGMENT_CACHE=0) renders everything every time: `make profile` uses
it to show the full cost of a miss.
"""

import datetime
import hashlib
import logging

from django.core.cache import caches
from django.utils import timezone

from . import generation
from .conf import setting

PREFIX = "fragment"
MISSING = object()
logger = logging.getLogger(__name__)


def fragment_key(namespace, parts):
    digest = hashlib.blake2b(repr(parts).encode(), digest_size=16).hexdigest()
    return f"{PREFIX}:{namespace}:{digest}"


def render_many(namespace, items, parts_of, render):
    """[render(item) for item in items], reusing what an earlier request rendered for the same parts.

    `parts_of(item)` is a tuple of plain values (str, int, dates) naming every input of `render(item)`.
    One round trip reads them all and one writes the ones rendered here.
    """
    items = list(items)
    if not setting("FRAGMENT_CACHE") or not items:
        return [render(item) for item in items]
    cache = caches[setting("FRAGMENT_CACHE_ALIAS")]
    keys = [fragment_key(namespace, parts_of(item)) for item in items]
    try:
        found = cache.get_many(keys)
    except Exception:  # an unreachable cache costs a full render, never an error
        logger.warning("fragment cache unreachable", exc_info=True)
        found = {}
    rendered = {}
    output = []
    for key, item in zip(keys, items, strict=True):
        if key in found:
            output.append(found[key])
        else:
            rendered[key] = render(item)
            output.append(rendered[key])
    if rendered:
        try:
            cache.set_many(rendered, setting("FRAGMENT_CACHE_TIMEOUT"))
        except Exception:
            logger.warning("fragment cache unreachable", exc_info=True)
    return output


def reused_until_purge(namespace, parts, compute, still_valid=None):
    """compute(), shared by every request until the next purge of the page cache (any publish, or an
    admin edit of a snippet, an image, a setting or a site).

    For values read from published content that are the same for every visitor, such as the years a
    listing can be filtered by or the keys and count of a listing page: the first request after a
    publish computes them, the others read them. They live as long as a cached page
    (PAGE_CACHE_TIMEOUT). `parts` names every input, as for render_many. A value that also depends on
    the time (an agenda's upcoming events) passes `still_valid(value)`, which says when the clock has
    made a stored value wrong: it is then computed again.
    """
    if not setting("FRAGMENT_CACHE"):
        return compute()
    try:
        current = generation.read(caches[setting("PAGE_CACHE_ALIAS")])
        cache = caches[setting("FRAGMENT_CACHE_ALIAS")]
        key = fragment_key(f"{namespace}:{current}", parts)
        value = cache.get(key, MISSING) if current is not None else MISSING
    except Exception:
        logger.warning("fragment cache unreachable", exc_info=True)
        return compute()
    if value is not MISSING and still_valid is not None and not still_valid(value):
        value = MISSING
    if value is MISSING:
        value = compute()
        if current is not None:
            try:
                cache.set(key, value, setting("PAGE_CACHE_TIMEOUT"))
            except Exception:
                logger.warning("fragment cache unreachable", exc_info=True)
    return value


def reused_until_purge_or_time(namespace, parts, compute):
    """reused_until_purge for a value that the clock also changes (an agenda's upcoming events):
    `compute()` returns (value, fresh_until), the moment from which the value is wrong (the end of the
    first event shown) or None; the value is computed again at the next purge or from that moment."""
    value, _fresh_until = reused_until_purge(namespace, parts, compute, still_fresh)
    return value


def still_fresh(stored):
    """A (value, fresh_until) whose moment has not come; anything else (left by an older release) is stale."""
    if not (isinstance(stored, tuple) and len(stored) == 2):
        return False
    fresh_until = stored[1]
    return not isinstance(fresh_until, datetime.datetime) or timezone.now() < fresh_until

