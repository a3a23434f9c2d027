"""The session engine (SESSION_ENGINE = "core.sessions"): Django's cached_db, refusing a forged key.

Django only checks that a session cookie is 8 characters or more, then looks the key up in the cache
and the database. A cookie holding a NUL byte (`sessionid=abcdefgh%00ij`) made PostgreSQL refuse the
query ("text fields cannot contain NUL"), a 500 on every page that reads the session. Django makes
its keys from lowercase letters and digits only: any other key is no session at all.
"""

from django.contrib.sessions.backends import cached_db
from django.contrib.sessions.backends.base import VALID_KEY_CHARS

KEY_CHARS = frozenset(VALID_KEY_CHARS)


class SessionStore(cached_db.SessionStore):
    def _validate_session_key(self, key):
        return bool(super()._validate_session_key(key)) and len(key) <= 40 and KEY_CHARS.issuperset(key)
