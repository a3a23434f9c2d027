"""Settings of the newsletter benchmark: production settings with the django-tasks database backend
(django-tasks-db) and its `db_worker`, as the site runs once the background worker is in place."""

from .production import *  # noqa: F403

INSTALLED_APPS = [*INSTALLED_APPS, "django_tasks_db"]  # noqa: F405
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
