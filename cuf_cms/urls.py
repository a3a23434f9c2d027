from django.conf import settings
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from core.health import healthz
from core.media import serve_media

urlpatterns = [
    path("healthz", healthz, name="healthz"),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("", include("editorial.urls")),
]

if settings.DEBUG:
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()

if (settings.DEBUG or settings.SERVE_MEDIA) and settings.MEDIA_URL.startswith("/"):
    # Uploaded files, served with hardening headers (core/media.py). In production a front server,
    # a separate media host or S3 usually serves them instead; SERVE_MEDIA=1 lets gunicorn do it.
    media_prefix = settings.MEDIA_URL.lstrip("/")
    urlpatterns += [re_path(rf"^{media_prefix}(?P<path>.*)$", serve_media, name="media")]

urlpatterns += [path("", include(wagtail_urls))]
