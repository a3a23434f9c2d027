"""The small task bench/worker_throughput.py queues by the thousand."""

from django.contrib.auth.models import Group
from django_tasks import task


@task()
def small_task(number):
    """One query and a little JSON: the bookkeeping of a task without its real work."""
    return {"number": number, "groups": Group.objects.count()}
