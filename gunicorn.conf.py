"""gunicorn settings for `make serve`; every value can be overridden from the environment."""

import gc
import multiprocessing
import os

bind = os.environ.get("GUNICORN_BIND", f"{os.environ.get('HOST', '127.0.0.1')}:{os.environ.get('PORT', '8000')}")
# The usual (2 × CPU) + 1 sync workers, capped so a big machine does not exhaust PostgreSQL connections.
workers = int(os.environ.get("WEB_CONCURRENCY", min(multiprocessing.cpu_count() * 2 + 1, 12)))
threads = int(os.environ.get("GUNICORN_THREADS", "1"))
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = int(os.environ.get("GUNICORN_GRACEFUL_TIMEOUT", "30"))
keepalive = int(os.environ.get("GUNICORN_KEEPALIVE", "5"))
# Import Django and the project once in the master: workers are forked ready to serve (no 1-2 s boot
# each), share the imported code's memory, and recycling one costs a fork, not a restart.
preload_app = os.environ.get("GUNICORN_PRELOAD", "1") != "0"
# Recycle workers now and then so a slow leak never takes the site down. Cached pages are served at
# close to a thousand per second per worker: at 100,000 requests a worker still lives a few minutes
# at full load (10,000 made them restart every 12 s, each restart a visible latency spike).
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "100000"))
max_requests_jitter = int(os.environ.get("GUNICORN_MAX_REQUESTS_JITTER", "10000"))
# Large admin uploads (images up to 15 MB, documents up to 30 MB) are buffered by the proxy in front.
limit_request_line = 8190
accesslog = os.environ.get("GUNICORN_ACCESS_LOG", "-")
errorlog = os.environ.get("GUNICORN_ERROR_LOG", "-")
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")
access_log_format = '%(h)s %({x-forwarded-for}i)s "%(r)s" %(s)s %(b)s %(M)sms "%(f)s" "%(a)s"'
# Only trust X-Forwarded-* from the local proxy (override with FORWARDED_ALLOW_IPS).
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
wsgi_app = "cuf_cms.wsgi:application"

raw_env = ["DJANGO_SETTINGS_MODULE=" + os.environ.get("DJANGO_SETTINGS_MODULE", "cuf_cms.settings.production")]


def pre_fork(server, worker):
    """Move what the master imported out of the garbage collector's reach before forking a worker.

    Workers' collections then skip the tens of thousands of objects of Django, Wagtail and the
    project (less CPU per collection) and leave their memory pages shared with the master.
    """
    gc.freeze()
