"""The benchmark's ceiling: a Django view that returns "ok", with the site's settings and middleware.

Run with the same gunicorn settings as the site: `gunicorn bench.bare_app:application`. It uses the
production settings (same middleware chain) with only this URL; the page cache is off.
"""

import os

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cuf_cms.settings.production")
os.environ["PAGE_CACHE"] = "0"

from django.conf import settings  # noqa: E402
from django.core.wsgi import get_wsgi_application  # noqa: E402
from django.http import HttpResponse  # noqa: E402
from django.urls import re_path  # noqa: E402


def ok(request):
    return HttpResponse("ok", content_type="text/plain")


urlpatterns = [re_path(r"", ok)]

settings.ROOT_URLCONF = __name__
application = get_wsgi_application()
