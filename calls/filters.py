"""Filters of /appels/: ?statut=ouvert|imminent|clos&type=&pays=&thematique=. Without a status, the open calls."""

import django_filters

from core.filters import TaggedFilterSet, choice_error, typed_choice_filter

from .choices import CallKind, CallStatus


class CallFilterSet(TaggedFilterSet):
    statut = django_filters.ChoiceFilter(
        label="Statut",
        choices=[
            (CallStatus.OUVERT.value, "Ouverts"),
            (CallStatus.IMMINENT.value, "Clôture imminente"),
            (CallStatus.CLOS.value, "Clos (archives)"),
        ],
        empty_label="Appels ouverts",
        method="filter_status",
        error_messages=choice_error("Statut"),
    )
    type = typed_choice_filter("Type d’appel", "kind", CallKind.choices, "Tous les types")

    @property
    def status(self):
        self.errors  # noqa: B018 - validates the form, filling cleaned_data
        return self.form.cleaned_data.get("statut") or CallStatus.OUVERT

    def filter_status(self, queryset, name, value):
        return queryset  # applied in filter_queryset, also when the parameter is absent

    def filter_queryset(self, queryset):
        queryset = super().filter_queryset(queryset)
        if self.status == CallStatus.CLOS:
            return queryset.closed()
        if self.status == CallStatus.IMMINENT:
            return queryset.closing_soon()
        return queryset.open()
