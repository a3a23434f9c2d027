"""Background work: retries with exponential backoff on top of django-tasks, and "am I in a task?".

django-tasks 0.12 and its database backend (django-tasks-db) run a task once: an exception marks the
result FAILED and that is all. `retrying_task` adds what the worker lacks, without patching it:

    @retrying_task(max_attempts=5, backoff=30)
    def send_something(pk): ...

When the function raises and fewer than `max_attempts` attempts were made, the wrapper enqueues the
same task again with `run_after = now + backoff * 2 ** (attempt - 1)` (30 s, 1 min, 2 min, 4 min…) and
an `attempt` keyword one higher, then re-raises: each failed attempt stays in the task results as a
FAILED row with its exception (the admin's "Tâches en arrière-plan" lists them), and the next attempt
waits as a READY row. After the last attempt nothing is enqueued. A backend that cannot defer (the
ImmediateBackend of the test settings) gets the retries at once.
"""

import datetime
import functools
import logging
import threading

from django.utils import timezone
from django_tasks import task
from django_tasks.signals import task_finished, task_started

logger = logging.getLogger("core.tasks")

# People wait for emails, nobody waits for a rendition: the worker takes higher priorities first
# (django-tasks priorities run from -100 to 100, default 0).
EMAIL_PRIORITY = 50

_state = threading.local()


def in_task():
    """True while this thread runs a task (in the worker, or inline with the ImmediateBackend)."""
    return getattr(_state, "depth", 0) > 0


def _started(**kwargs):
    _state.depth = getattr(_state, "depth", 0) + 1


def _finished(**kwargs):
    _state.depth = max(getattr(_state, "depth", 0) - 1, 0)


task_started.connect(_started, dispatch_uid="core_tasks_started")
task_finished.connect(_finished, dispatch_uid="core_tasks_finished")


def backoff_delay(attempt, backoff):
    """Seconds to wait before attempt number `attempt + 1`."""
    return backoff * 2 ** (attempt - 1)


def retrying_task(max_attempts=5, backoff=30, **task_options):
    """A django-tasks task that re-enqueues itself with exponential backoff when it raises."""

    def decorator(func):
        @functools.wraps(func)
        def wrapper(*args, attempt=1, **kwargs):
            try:
                return func(*args, **kwargs)
            except Exception:
                if attempt >= max_attempts:
                    logger.error("%s failed for good after %d attempts", func.__qualname__, attempt)
                    raise
                delay = backoff_delay(attempt, backoff)
                retry = the_task
                if retry.get_backend().supports_defer:
                    retry = retry.using(run_after=timezone.now() + datetime.timedelta(seconds=delay))
                logger.warning("%s failed (attempt %d of %d), retry in %d s", func.__qualname__, attempt,
                               max_attempts, delay)  # fmt: skip
                retry.enqueue(*args, attempt=attempt + 1, **kwargs)
                raise

        the_task = task(**task_options)(wrapper)
        return the_task

    return decorator
