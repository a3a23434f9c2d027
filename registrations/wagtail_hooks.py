"""Registrations in the admin (wagtail-modeladmin: filters by event and status, CSV export) and the
`seats_taken` annotation the agenda asks for through events' hook."""

from django.contrib.admin import SimpleListFilter, display
from wagtail import hooks
from wagtail_modeladmin.options import ModelAdmin, modeladmin_register

from events.models import REGISTRATION_COUNTS_HOOK, EventPage
from registrations.models import Registration
from registrations.retention import scheduler_step
from registrations.services import annotate_queryset


@hooks.register(REGISTRATION_COUNTS_HOOK)
def annotate_event_registrations(queryset):
    return annotate_queryset(queryset)


class EventFilter(SimpleListFilter):
    """Events that have registrations (Django's related-field filter needs django.contrib.admin)."""

    title = "événement"
    parameter_name = "evenement"

    def lookups(self, request, model_admin):
        events = EventPage.objects.filter(registrations__isnull=False).distinct().order_by("-start")
        return [(str(event.pk), f"{event.title} ({event.start:%d/%m/%Y})") for event in events]

    def queryset(self, request, queryset):
        return queryset.filter(event_id=self.value()) if self.value() and self.value().isdigit() else queryset


class RegistrationAdmin(ModelAdmin):
    model = Registration
    menu_label = "Inscriptions"
    menu_icon = "group"
    menu_order = 260
    add_to_admin_menu = True
    list_display = ("name", "email", "organisation_name", "event", "status", "attendance", "created_at")
    list_filter = (EventFilter, "status", "attendance")
    search_fields = ("name", "email", "organisation", "collectivite__name")
    list_select_related = ("event", "collectivite")
    list_export = ("event", "status", "name", "email", "organisation_name", "in_directory", "function", "attendance",
                   "accessibility", "created_at", "promoted_at", "cancelled_at")  # fmt: skip
    export_filename = "inscriptions"
    inspect_view_enabled = True
    ordering = ("-created_at",)

    @display(description="collectivité ou organisation", ordering="organisation")
    def organisation_name(self, registration):
        """The directory's name when the registration is linked to it, else the name the person wrote."""
        return registration.organisation_name

    @display(description="dans l’annuaire")
    def in_directory(self, registration):
        return "oui" if registration.collectivite_id else "non"


modeladmin_register(RegistrationAdmin)


@hooks.register("scheduler_step")
def registrations_scheduler_step():
    return scheduler_step()
