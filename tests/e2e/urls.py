"""URLs of the e2e server: the site's, plus uploaded media (served by the web server or S3 in production)."""

from django.conf import settings
from django.urls import re_path
from django.views.static import serve

from cuf_cms.urls import urlpatterns as site_urlpatterns

urlpatterns = [
    re_path(r"^media/(?P<path>.*)$", serve, {"document_root": settings.MEDIA_ROOT}),
    *site_urlpatterns,
]
