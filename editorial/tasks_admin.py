"""Background tasks in the admin: the rows of django_tasks_db.DBTaskResult, failures first to see.

Read-only (wagtail-modeladmin; the permission "view" of the model, given to Modérateurs by
editorial.0003): status, task, arguments, exception, attempt number (core.tasks.retrying_task's
`attempt` argument), enqueued, started and finished times; the inspect view shows the traceback.
"""

from django.utils.text import Truncator
from django_tasks_db.models import DBTaskResult
from wagtail_modeladmin.helpers import PermissionHelper
from wagtail_modeladmin.options import ModelAdmin


class ReadOnlyPermissionHelper(PermissionHelper):
    def user_can_create(self, user):
        return False

    def user_can_edit_obj(self, user, obj):
        return False

    def user_can_delete_obj(self, user, obj):
        return False


class TaskResultAdmin(ModelAdmin):
    model = DBTaskResult
    menu_label = "Tâches en arrière-plan"
    menu_icon = "cogs"
    menu_order = 900
    add_to_settings_menu = True
    permission_helper_class = ReadOnlyPermissionHelper
    list_display = ("status", "task_label", "arguments", "attempt", "exception", "enqueued_at", "finished_at")
    list_filter = ("status", "queue_name")
    search_fields = ("task_path",)
    ordering = ("-enqueued_at",)
    inspect_view_enabled = True
    inspect_view_fields = ("status", "task_path", "args_kwargs", "run_after", "enqueued_at", "started_at",
                           "finished_at", "worker_ids", "exception_class_path", "traceback")  # fmt: skip

    def task_label(self, obj):
        return obj.task_path.rsplit(".", 1)[-1]

    task_label.short_description = "tâche"

    def arguments(self, obj):
        args = obj.args_kwargs.get("args", [])
        kwargs = {k: v for k, v in obj.args_kwargs.get("kwargs", {}).items() if k != "attempt"}
        text = ", ".join([*map(repr, args), *(f"{k}={v!r}" for k, v in kwargs.items())])
        return Truncator(text).chars(80)

    arguments.short_description = "arguments"

    def attempt(self, obj):
        return obj.args_kwargs.get("kwargs", {}).get("attempt", 1)

    attempt.short_description = "tentative"

    def exception(self, obj):
        return obj.exception_class_path.rsplit(".", 1)[-1] if obj.exception_class_path else ""

    exception.short_description = "erreur"
