"""Pledges in the admin (wagtail-modeladmin): listed, filtered by fund and status, exported as CSV.

Moderators ("Modérateurs") see and update them (permissions from migration 0002); editors do not.
"""

from django.contrib.admin.filters import RelatedFieldListFilter
from wagtail import hooks
from wagtail_modeladmin.options import ModelAdmin, modeladmin_register

from .models import FundContribution, FundPage
from .pledges import Pledge


class FundFilter(RelatedFieldListFilter):
    """Funds by title; Django's filter asks django.contrib.admin (not installed) for the ordering."""

    def field_admin_ordering(self, field, request, model_admin):
        return ("title",)


class PledgeAdmin(ModelAdmin):
    model = Pledge
    menu_label = "Promesses de contribution"
    menu_icon = "tick-inverse"
    menu_order = 250
    add_to_settings_menu = False
    list_display = ("collectivite_name", "fund_title", "amount", "vote_date", "status", "created_at")
    list_filter = (("fund", FundFilter), "status")
    search_fields = ("collectivite_name", "contact_name", "email", "fund_title")
    list_export = (
        "created_at",
        "fund_title",
        "collectivite_name",
        "contact_name",
        "email",
        "phone",
        "amount",
        "vote_date",
        "status",
        "message",
    )
    export_filename = "promesses-de-contribution"
    ordering = ("-created_at",)
    inspect_view_enabled = True


modeladmin_register(PledgeAdmin)


@hooks.register("directory_collectivite_context")
def collectivite_fund_contributions(request, collectivite):
    """A local government's page in the directory lists its contributions to published, public funds
    only (the directory's default lists every row of the relation, drafts included), in one query, each
    linked to its fund."""
    contributions = (
        FundContribution.objects.filter(collectivite=collectivite, page__in=FundPage.objects.visible().values("pk"))
        .select_related("page")
        .order_by("-page__opening_date", "sort_order")
    )
    return {
        "fund_contributions": list(contributions),
        "fund_contributions_template": "funds/includes/collectivite_contributions.html",
    }
