"""gunicorn settings used by `make bench` until the project ships its own gunicorn.conf.py (then that one is used).

Same worker count rule as production: (2 × CPU) + 1 synchronous workers.
"""

import multiprocessing
import os

workers = int(os.environ.get("WEB_CONCURRENCY", multiprocessing.cpu_count() * 2 + 1))
worker_class = "sync"
timeout = 60
keepalive = 5
accesslog = None
errorlog = "-"
loglevel = "warning"
