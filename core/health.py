"""/healthz for load balancers: 200 "ok" when the database (and Redis, when configured) answer, else 503.

The body says nothing about what failed or how the site is built; details go to the log.
"""

import logging

from django.conf import settings
from django.db import connection
from django.http import HttpResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

logger = logging.getLogger(__name__)


def database_answers():
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        return cursor.fetchone() == (1,)


def redis_answers():
    if not settings.REDIS_URL:
        return True
    from django_redis import get_redis_connection

    return bool(get_redis_connection("default").ping())


@never_cache
@require_safe
def healthz(request):
    for name, check in (("database", database_answers), ("redis", redis_answers)):
        try:
            healthy = check()
        except Exception:  # any failure of a backend means "not healthy", never a 500
            logger.exception("Health check: %s does not answer", name)
            healthy = False
        if not healthy:
            return HttpResponse("unavailable\n", status=503, content_type="text/plain")
    return HttpResponse("ok\n", content_type="text/plain")
