"""A fixed-window rate limit in the shared cache (Redis in production): no third-party service."""

import hashlib
import time

from django.core.cache import cache


def too_many(scope, identifier, limit, window=3600):
    """Count one more attempt for `identifier`; True when it exceeds `limit` in the current window."""
    digest = hashlib.sha256(identifier.strip().lower().encode()).hexdigest()[:32]
    key = f"ratelimit:{scope}:{int(time.time() // window)}:{digest}"
    if cache.add(key, 1, timeout=window):
        return limit < 1
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.add(key, 1, timeout=window)
        count = 1
    return count > limit
