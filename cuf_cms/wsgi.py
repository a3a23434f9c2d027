import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cuf_cms.settings.production")

application = get_wsgi_application()

from pagecache.wsgi import PageCacheApplication  # noqa: E402 (needs the settings configured above)

application = PageCacheApplication(application)
