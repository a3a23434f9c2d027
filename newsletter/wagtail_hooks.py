"""Admin of the newsletter: subscribers and sends (wagtail-modeladmin, menu "La lettre"), the import of
subscribers, and the "Envoyer la lettre" button of an issue."""

from django.contrib.admin.filters import RelatedFieldListFilter
from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.widgets import Button
from wagtail_modeladmin.options import ModelAdmin, ModelAdminGroup, modeladmin_register

from newsletter import admin_views
from newsletter.models import NewsletterIssuePage, Send, Subscriber


@hooks.register("register_admin_urls")
def register_newsletter_urls():
    return [
        path("lettre/envoi/<int:page_id>/", admin_views.issue_sending, name="newsletter_issue_sending"),
        path("lettre/import/", admin_views.import_view, name="newsletter_import"),
    ]


@hooks.register("register_page_header_buttons")
def send_issue_header_button(page, user, view_name, next_url=None):
    if page.specific_class is NewsletterIssuePage and page.permissions_for_user(user).can_edit():
        yield Button(
            "Envoyer la lettre", reverse("newsletter_issue_sending", args=[page.pk]), icon_name="mail", priority=64
        )


class TermFilter(RelatedFieldListFilter):
    """Filter by country or theme, ordered by name (Django's own filter asks django.contrib.admin's site
    for the ordering, and that app is not installed)."""

    def field_admin_ordering(self, field, request, model_admin):
        return ("name",)


class SubscriberAdmin(ModelAdmin):
    model = Subscriber
    menu_label = "Abonné·es"
    menu_icon = "group"
    list_display = ("email", "name", "organisation", "status", "source", "created_at", "confirmed_at")
    list_filter = ("status", "source", ("countries", TermFilter), ("themes", TermFilter))
    search_fields = ("email", "name", "organisation")
    list_export = (
        "email",
        "name",
        "organisation",
        "status",
        "source",
        "country_names",
        "theme_names",
        "created_at",
        "consent_at",
        "confirmed_at",
        "unsubscribed_at",
    )
    export_filename = "abonnes-lettre"
    index_template_name = "newsletter/admin/subscriber_index.html"
    inspect_view_enabled = True
    form_fields_exclude = ("key",)

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("countries", "themes")


class SendAdmin(ModelAdmin):
    model = Send
    menu_label = "Envois"
    menu_icon = "mail"
    list_display = ("subject", "status", "progress", "sent", "failed", "bounced", "created_by", "created_at")
    list_filter = ("status",)
    search_fields = ("subject",)
    list_export = ("subject", "status", "total", "sent", "failed", "bounced", "created_at", "finished_at")
    export_filename = "envois-lettre"
    inspect_view_enabled = True
    inspect_view_fields = (
        "subject",
        "issue",
        "status",
        "total",
        "sent",
        "failed",
        "bounced",
        "created_at",
        "finished_at",
    )

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("created_by")


class NewsletterGroup(ModelAdminGroup):
    menu_label = "La lettre"
    menu_icon = "mail"
    menu_order = 250
    items = (SubscriberAdmin, SendAdmin)


modeladmin_register(NewsletterGroup)
