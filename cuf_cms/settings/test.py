from .base import *  # noqa: F403

SECRET_KEY = "test-only-insecure-key"  # noqa: S105
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "cuf-test"},
}
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
EMAIL_DELIVERY_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# Tasks run inline, in the test's own transaction; tests of the worker itself switch to the database
# backend and run `db_worker` (tests/core/test_worker.py, tests/registrations/).
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
# The test client's host; tests that pin "BASE_URL whatever the Host" override it (tests/core/test_origin.py).
BASE_URL = WAGTAILADMIN_BASE_URL = "http://testserver"

# Serve static files from the app folders without collectstatic.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True

# django-axes needs a request in authenticate(); the test client's login() has none. Tests of the
# lock-out turn it back on (tests/core/test_axes.py).
AXES_ENABLED = False
# Views are tested as they render; tests/pagecache turns the page cache on where it is the subject.
PAGE_CACHE = False
# Fragments and listing facts kept across requests (pagecache/fragments.py) likewise: their tests turn
# them on (tests/core/test_card_fragments.py, tests/pagecache/test_reused_until_purge.py, iCalendar).
FRAGMENT_CACHE = False
