from django.conf import settings
from django.urls import include, path, re_path
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_safe
from wagtail import urls as wagtail_urls
from wagtail import views as wagtail_views
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import index as sitemap_index
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from core import views as core_views
from core.health import healthz
from core.media import serve_media
from core.sitemaps import SITEMAPS

# Rendered without the database or the cache, with a reference that the error's log line carries too.
handler500 = "core.errors.server_error"

urlpatterns = [
    path("healthz", healthz, name="healthz"),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("", include("editorial.urls")),
    path("", include("registrations.urls")),
    path("recherche/", core_views.search, name="search"),
    path(
        "sitemap.xml",
        require_safe(sitemap_index),
        {"sitemaps": SITEMAPS, "sitemap_url_name": "sitemap_section"},
        name="sitemap",
    ),
    path("sitemap-<section>.xml", require_safe(sitemap), {"sitemaps": SITEMAPS}, name="sitemap_section"),
    path("robots.txt", core_views.robots_txt, name="robots_txt"),
    path("", include("hubs.urls")),
    # Feeds that are routes of a page but look like files (/actualites/flux.xml, /agenda/agenda.ics,
    # /appels/echeances.ics, /fonds-de-solidarite/<slug>/transparence.csv):
    # Wagtail's own pattern only serves paths ending in "/", so hand these to its serve view too.
    re_path(r"^((?:[\w\-]+/)+[\w\-]+\.(?:xml|ics|csv))$", wagtail_views.serve, name="wagtail_serve_feed"),
    # The newsletter's signed links (routes of its index page) hold ":" (django.core.signing), which
    # Wagtail's own pattern does not accept; same serve view. Unsubscribe also takes POSTs from mail
    # clients (RFC 8058 one-click, no CSRF token): its signed token is the authorisation.
    re_path(r"^((?:[\w\-]+/)+(?:confirmer|preferences)/[\w\-:]+/)$", wagtail_views.serve, name="newsletter_link"),
    re_path(
        r"^((?:[\w\-]+/)+desinscription/[\w\-:]+/)$", csrf_exempt(wagtail_views.serve), name="newsletter_unsubscribe"
    ),
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
