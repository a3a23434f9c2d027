"""Admin entry points of the editorial process: the preview-link screen of a page, the dashboard of each role."""

from django.templatetags.static import static
from django.urls import path, reverse
from django.utils.html import format_html
from wagtail import hooks
from wagtail.admin.action_menu import ActionMenuItem
from wagtail.admin.widgets import Button
from wagtail_modeladmin.options import modeladmin_register

from editorial import admin_views, dashboard
from editorial.tasks_admin import TaskResultAdmin

LABEL = "Liens de prévisualisation"


@hooks.register("register_admin_urls")
def register_preview_link_urls():
    return [
        path("liens-apercu/<int:page_id>/", admin_views.preview_links, name="editorial_preview_links"),
        path(
            "liens-apercu/<int:page_id>/<int:link_id>/revoquer/",
            admin_views.revoke_preview_link,
            name="editorial_revoke_preview_link",
        ),
    ]


@hooks.register("register_page_header_buttons")
def preview_links_header_button(page, user, view_name, next_url=None):
    if page.depth > 1 and page.permissions_for_user(user).can_edit():
        yield Button(LABEL, reverse("editorial_preview_links", args=[page.pk]), icon_name="link", priority=66)


class PreviewLinksMenuItem(ActionMenuItem):
    label = LABEL
    name = "action-preview-links"
    icon_name = "link"

    def is_shown(self, context):
        return context["view"] == "edit" and self.get_user_page_permissions_tester(context).can_edit()

    def get_url(self, parent_context):
        return reverse("editorial_preview_links", args=[parent_context["page"].pk])


@hooks.register("register_page_action_menu_item")
def register_preview_links_menu_item():
    return PreviewLinksMenuItem(order=70)


modeladmin_register(TaskResultAdmin)


@hooks.register("insert_global_admin_css")
def admin_css():
    return format_html('<link rel="stylesheet" href="{}">', static("css/admin.css"))


@hooks.register("construct_homepage_panels")
def editorial_dashboard(request, panels):
    dashboard.build_panels(request, panels)
