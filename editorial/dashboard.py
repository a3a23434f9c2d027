"""The admin dashboard of each role (Wagtail's `construct_homepage_panels` hook, editorial/wagtail_hooks.py).

Everyone who writes sees: buttons that start an actualité, an événement or a ressource right under the
right index, their drafts, their pages in moderation (with the reviewer's comment when changes were
requested) and what was published lately. Moderators also get Wagtail's own "awaiting your review"
panel, with its approve and reject actions. Each panel reads its rows in a fixed number of queries.
"""

from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField, Exists, IntegerField, OuterRef, Q
from django.db.models.functions import Cast
from django.urls import reverse
from wagtail.admin.ui.components import Component
from wagtail.models import Page, WorkflowState

from articles.models import ArticleIndexPage, ArticlePage
from events.models import EventIndexPage, EventPage
from resources.models import ResourceCentrePage, ResourcePage

# (label, index page model, page model): the "create" buttons, in this order.
QUICK_CREATE = [
    ("Nouvelle actualité", ArticleIndexPage, ArticlePage),
    ("Nouvel événement", EventIndexPage, EventPage),
    ("Nouvelle ressource", ResourceCentrePage, ResourcePage),
]
ROWS = 10


def page_type_label(page):
    """ "Article", "Événement"…: the page type's verbose name, capitalised (no query: cached content types)."""
    return str(page.specific_class._meta.verbose_name).capitalize() if page.specific_class else ""


def active_workflow_states():
    return WorkflowState.objects.active().filter(
        base_content_type_id=ContentType.objects.get_for_model(Page).pk,
        object_id=Cast(OuterRef("pk"), output_field=CharField()),
    )


class DashboardPanel(Component):
    def get_context_data(self, parent_context):
        return {"request": parent_context["request"], **self.rows(parent_context["request"])}

    def rows(self, request):
        raise NotImplementedError


class QuickCreatePanel(DashboardPanel):
    name = "cuf_quick_create"
    template_name = "editorial/dashboard/quick_create.html"
    order = 50

    def rows(self, request):
        content_types = ContentType.objects.get_for_models(*(index for _, index, _ in QUICK_CREATE))
        indexes = {}
        for page in Page.objects.filter(content_type__in=content_types.values()).order_by("path"):
            indexes.setdefault(page.content_type_id, page)
        buttons = []
        for label, index_model, page_model in QUICK_CREATE:
            index = indexes.get(content_types[index_model].pk)
            if index is None or not index.permissions_for_user(request.user).can_add_subpage():
                continue
            meta = page_model._meta
            url = reverse("wagtailadmin_pages:add", args=[meta.app_label, meta.model_name, index.pk])
            buttons.append({"label": label, "url": url, "index": index.title})
        return {"buttons": buttons}


class MyDraftsPanel(DashboardPanel):
    """Pages the person owns or last edited whose latest changes are not published nor in moderation."""

    name = "cuf_my_drafts"
    template_name = "editorial/dashboard/my_drafts.html"
    order = 100

    def rows(self, request):
        user = request.user
        pages = (
            Page.objects.filter(Q(owner=user) | Q(latest_revision__user=user), has_unpublished_changes=True)
            .exclude(Exists(active_workflow_states()))
            .select_related("latest_revision")
            .order_by("-latest_revision_created_at", "-pk")[:ROWS]
        )
        return {"drafts": [{"page": page, "type": page_type_label(page)} for page in pages]}


class MyPagesInModerationPanel(DashboardPanel):
    """What the person submitted: awaiting review, or sent back with the reviewer's comment."""

    name = "cuf_my_pages_in_moderation"
    template_name = "editorial/dashboard/my_pages_in_moderation.html"
    order = 110

    def rows(self, request):
        user = request.user
        owned = Page.objects.filter(owner=user, pk=Cast(OuterRef("object_id"), output_field=IntegerField()))
        states = (
            WorkflowState.objects.active()
            .filter(base_content_type_id=ContentType.objects.get_for_model(Page).pk)
            .filter(Q(requested_by=user) | Exists(owned.values("pk")))
            .select_related("current_task_state__task", "current_task_state__finished_by")
            .order_by("-current_task_state__started_at")[:ROWS]
        )
        states = list(states)
        pages = Page.objects.in_bulk([int(state.object_id) for state in states])
        rows = []
        for state in states:
            page = pages.get(int(state.object_id))
            if page is None:
                continue
            task_state = state.current_task_state
            rows.append(
                {
                    "page": page,
                    "type": page_type_label(page),
                    "changes_requested": state.status == WorkflowState.STATUS_NEEDS_CHANGES,
                    "task_state": task_state,
                    "comment": task_state.comment if task_state else "",
                }
            )
        return {"rows": rows}


class RecentlyPublishedPanel(DashboardPanel):
    name = "cuf_recently_published"
    template_name = "editorial/dashboard/recently_published.html"
    order = 300

    def rows(self, request):
        pages = Page.objects.live().filter(depth__gt=2).order_by("-last_published_at", "-pk")[:ROWS]
        return {
            "pages": [{"page": page, "type": page_type_label(page), "url": page.get_url(request)} for page in pages]
        }


# Wagtail's panels this dashboard replaces (its own "in moderation" list has no reviewer's comment;
# "your recent edits" is covered by the drafts and the recently published).
REPLACED_PANELS = {"user_objects_in_workflow_moderation", "recent_edits"}


def build_panels(request, panels):
    panels[:] = [panel for panel in panels if getattr(panel, "name", "") not in REPLACED_PANELS]
    panels += [QuickCreatePanel(), MyDraftsPanel(), MyPagesInModerationPanel(), RecentlyPublishedPanel()]
