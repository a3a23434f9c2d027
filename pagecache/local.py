"""A bounded per-process copy of recently served page-cache entries.

The shared cache (Redis) stays the only source of truth: every request still reads the site-wide
generation from it, and a local copy is served only when it carries that generation and is younger
than PAGE_CACHE_TIMEOUT. What the copy saves is moving and unpickling the page body (tens of
kilobytes) on every hit; a purge or a page published by any other process is seen at once.
"""

import threading
import time
from collections import OrderedDict


class LocalEntries:
    def __init__(self, max_entries=256, max_bytes=32 * 1024 * 1024):
        self.max_entries = max_entries
        self.max_bytes = max_bytes
        self._entries = OrderedDict()
        self._bytes = 0
        self._lock = threading.Lock()  # gunicorn may run threaded workers

    def get(self, key, generation, timeout):
        with self._lock:
            entry = self._entries.get(key)
            if entry is None:
                return None
            if entry.generation != generation or time.time() - entry.stored_at > timeout:
                self._remove(key)
                return None
            self._entries.move_to_end(key)
            return entry

    def put(self, key, entry):
        size = _size(entry)
        if size > self.max_bytes // 4:
            return  # a huge page would evict everything else
        with self._lock:
            if key in self._entries:
                self._remove(key)
            self._entries[key] = entry
            self._bytes += size
            while len(self._entries) > self.max_entries or self._bytes > self.max_bytes:
                self._remove(next(iter(self._entries)))

    def clear(self):
        with self._lock:
            self._entries.clear()
            self._bytes = 0

    def __len__(self):
        return len(self._entries)

    def _remove(self, key):
        entry = self._entries.pop(key)
        self._bytes -= _size(entry)


def _size(entry):
    """Bytes of the body and of its compressed copy."""
    return len(entry.body) + len(entry.gzipped or b"")


entries = LocalEntries()
