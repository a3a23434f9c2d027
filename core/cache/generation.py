"""The site-wide generation: part of every page-cache entry; a new one invalidates them all.

A new random token (rather than an increment) is atomic on every cache backend, never repeats a
value that an old entry could still carry, and needs no read.
"""

import uuid

KEY = "pagecache:generation"


def new_token():
    return uuid.uuid4().hex


def current(cache):
    """The current generation, creating one if the cache lost it; None if the cache is unreachable."""
    cache.add(KEY, new_token(), None)
    return cache.get(KEY)


def bump(cache):
    cache.set(KEY, new_token(), None)
