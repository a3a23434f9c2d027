from django.conf import settings
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail import views as wagtail_views
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from core import views as core_views

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("recherche/", core_views.search, name="search"),
    path("sitemap.xml", sitemap, name="sitemap"),
    path("robots.txt", core_views.robots_txt, name="robots_txt"),
    path("", include("taxonomy.urls")),
    # Feeds that are routes of a page but look like files (/actualites/flux.xml, /agenda/agenda.ics):
    # Wagtail's own pattern only serves paths ending in "/", so hand these to its serve view too.
    re_path(r"^((?:[\w\-]+/)+[\w\-]+\.(?:xml|ics))$", wagtail_views.serve, name="wagtail_serve_feed"),
]

if settings.DEBUG:
    from django.conf.urls.static import static
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += [path("", include(wagtail_urls))]
