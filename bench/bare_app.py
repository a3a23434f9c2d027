"""The benchmark's ceiling: a minimal Django WSGI app whose one view returns "ok".

Served by `make bench` with the same gunicorn configuration as the site:
gunicorn -c <conf> bench.bare_app:application
"""

import os

import django
from django.conf import settings
from django.http import HttpResponse
from django.urls import path


def ok(request):
    return HttpResponse("ok", content_type="text/plain")


if not settings.configured:
    settings.configure(
        DEBUG=False,
        SECRET_KEY=os.environ.get("SECRET_KEY", "bare-app-insecure-key"),
        ALLOWED_HOSTS=[host.strip() for host in os.environ.get("ALLOWED_HOSTS", "127.0.0.1").split(",")],
        ROOT_URLCONF=__name__,
        MIDDLEWARE=[],
        INSTALLED_APPS=[],
        USE_TZ=True,
    )
    django.setup()

urlpatterns = [path("", ok)]

from django.core.wsgi import get_wsgi_application  # noqa: E402

application = get_wsgi_application()
