"""The import reports in the admin (wagtail-modeladmin), read-only: runs with their totals, and their lines."""

from django.utils.html import format_html
from wagtail_modeladmin.helpers import PermissionHelper
from wagtail_modeladmin.options import ModelAdmin, ModelAdminGroup, modeladmin_register

from spip_import.models import SpipImportItem, SpipImportRun


class ReadOnlyPermissionHelper(PermissionHelper):
    def user_can_list(self, user):
        return self.user_has_specific_permission(user, self.get_perm_codename("view"))

    def user_can_inspect_obj(self, user, obj):
        return self.inspect_view_enabled and self.user_can_list(user)

    def user_can_create(self, user):
        return False

    def user_can_edit_obj(self, user, obj):
        return False

    def user_can_delete_obj(self, user, obj):
        return False


class SpipImportRunAdmin(ModelAdmin):
    model = SpipImportRun
    menu_label = "Imports"
    menu_icon = "download"
    permission_helper_class = ReadOnlyPermissionHelper
    inspect_view_enabled = True
    list_display = (
        "__str__",
        "status",
        "created",
        "updated",
        "unchanged",
        "skipped",
        "failed",
        "unknown_markup",
        "missing_files",
        "dangling_links",
        "redirects",
        "lines",
    )
    list_filter = ("dry_run",)
    inspect_view_fields = (
        "backup",
        "started_at",
        "finished_at",
        "dry_run",
        "status",
        "created",
        "updated",
        "unchanged",
        "skipped",
        "failed",
        "unknown_markup",
        "missing_files",
        "dangling_links",
        "redirects",
        "csv_path",
    )

    def lines(self, obj):
        return format_html(
            '<a href="/admin/spip_import/spipimportitem/?run__id__exact={}">Lignes du rapport</a>', obj.pk
        )

    lines.short_description = "détail"


class SpipImportItemAdmin(ModelAdmin):
    model = SpipImportItem
    menu_label = "Lignes des rapports"
    menu_icon = "list-ul"
    permission_helper_class = ReadOnlyPermissionHelper
    list_display = ("spip_type", "spip_id", "outcome", "detail", "url")
    list_filter = ("outcome", "spip_type")
    search_fields = ("detail", "url")
    list_per_page = 100


@modeladmin_register
class SpipImportGroup(ModelAdminGroup):
    menu_label = "Import SPIP"
    menu_icon = "download"
    menu_order = 900
    items = (SpipImportRunAdmin, SpipImportItemAdmin)
