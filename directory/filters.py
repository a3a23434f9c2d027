"""Filters of the directory: ?type=&region=&groupe=&adherent= (invalid values: a French message, ignored)."""

import django_filters
from django.db.models import Q

from core.filters import TermFilter, choice_error, typed_choice_filter, validate_single_value
from taxonomy.models import Country

from .choices import CollectiviteKind, FrenchRegion, Membership

# The groupes-pays app (groups/) names these reverse relations of Collectivite: a local government
# belongs to a group as its chair (CountryGroupPage.chair) or as a member (GroupMember.collectivite).
CHAIR_LOOKUP = "chaired_groups"
MEMBER_LOOKUP = "group_memberships__page"


class CollectiviteFilterSet(django_filters.FilterSet):
    type = typed_choice_filter("Type", "kind", CollectiviteKind.choices, "Tous les types")
    region = typed_choice_filter("Région", "region", FrenchRegion.choices, "Toutes les régions")
    groupe = TermFilter(
        label="Groupe-pays",
        queryset=Country.objects.filter(is_country_group=True).order_by("name"),
        empty_label="Tous les groupes-pays",
        unknown_message="Ce groupe-pays n’existe pas : le filtre « Groupe-pays » est ignoré.",
        method="filter_group",
    )
    adherent = django_filters.ChoiceFilter(
        label="Adhésion",
        choices=Membership.choices,
        empty_label="Adhérentes ou non",
        error_messages=choice_error("Adhésion"),
        method="filter_member",
    )

    def __init__(self, data=None, *args, **kwargs):
        super().__init__(validate_single_value(data), *args, **kwargs)
        for field in self.form.fields.values():
            field.widget.attrs.setdefault("class", "filters__input")

    def filter_member(self, queryset, name, value):
        """?adherent=oui|non: a choice for visitors, a boolean for the query."""
        return queryset.filter(is_member=value == Membership.OUI) if value else queryset

    def filter_group(self, queryset, name, country):
        """Chairs and members of the live group of `country`, each once."""
        if not country:
            return queryset
        in_group = Q(**{f"{MEMBER_LOOKUP}__country": country, f"{MEMBER_LOOKUP}__live": True}) | Q(
            **{f"{CHAIR_LOOKUP}__country": country, f"{CHAIR_LOOKUP}__live": True}
        )
        return queryset.filter(pk__in=queryset.model.objects.filter(in_group).values("pk"))

    @property
    def is_filtered(self):
        self.errors  # noqa: B018 - validates the form, filling cleaned_data
        return any(value not in (None, "") for value in self.form.cleaned_data.values())
