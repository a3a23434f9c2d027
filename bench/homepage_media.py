"""Print the homepage's queries and renditions created, cold (empty caches) then warm.

Usage (on the database with the demo content):
    DJANGO_SETTINGS_MODULE=cuf_cms.settings.dev python bench/homepage_media.py [/path/]
"""

import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cuf_cms.settings.dev")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.core.cache import caches  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from wagtail.images import get_image_model  # noqa: E402


def measure(client, path):
    renditions = get_image_model().get_rendition_model().objects
    before = renditions.count()
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(path, HTTP_HOST="localhost")
    created = renditions.count() - before
    return response.status_code, len(ctx.captured_queries), created


def main():
    path = sys.argv[1] if len(sys.argv) > 1 else "/"
    for alias in settings.CACHES:
        caches[alias].clear()
    client = Client()
    for label in ("cold", "warm"):
        status, queries, created = measure(client, path)
        print(f"{label}: GET {path} → {status}, {queries} queries, {created} renditions created")


if __name__ == "__main__":
    main()
