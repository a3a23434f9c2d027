"""Shared pieces of the listing filters; each app declares its own FilterSet on top of them.

Query parameters go through these FilterSets before they touch a query: an unknown
value becomes a French message on the form and the filter is ignored, never a 500.
"""

import django_filters
from django import forms
from django.core.exceptions import ValidationError
from django_filters.fields import ModelChoiceField

from taxonomy.models import Country, Theme


def validate_single_value(data):
    """Keep the last value of each repeated parameter (?pays=a&pays=b → b), as QueryDict.get does."""
    return {key: data.get(key) for key in data} if data is not None else None


class LoadedChoiceIterator(forms.models.ModelChoiceIterator):
    """The options of a TermChoiceField, from the terms it has already read."""

    def __iter__(self):
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        for term in self.field.terms():
            yield self.choice(term)

    def __len__(self):
        return len(self.field.terms()) + (self.field.empty_label is not None)

    def __bool__(self):
        return self.field.empty_label is not None or bool(self.field.terms())


class TermChoiceField(ModelChoiceField):
    """A ModelChoiceField that reads its terms once per form: the same list checks the submitted slug
    and renders the options (Django's field queries once for each, and again for every render)."""

    iterator = LoadedChoiceIterator
    _terms = None

    def terms(self):
        if self._terms is None:
            self._terms = list(self.queryset)
        return self._terms

    def __deepcopy__(self, memo):
        copied = super().__deepcopy__(memo)
        copied._terms = None  # every form reads the terms afresh
        return copied

    def to_python(self, value):
        if self.null_label is not None and value == self.null_value:
            return value
        if value in self.empty_values:
            return None
        self.validate_no_null_characters(value)
        key = self.to_field_name or "pk"
        if isinstance(value, self.queryset.model):
            value = getattr(value, key)
        for term in self.terms():
            if str(getattr(term, key)) == str(value):
                return term
        raise ValidationError(self.error_messages["invalid_choice"], code="invalid_choice", params={"value": value})


class TermFilter(django_filters.ModelChoiceFilter):
    """A country or theme chosen by its slug, the value visitors see in URLs."""

    field_class = TermChoiceField

    def __init__(self, *args, unknown_message, **kwargs):
        kwargs.setdefault("to_field_name", "slug")
        kwargs.setdefault("distinct", False)
        super().__init__(*args, **kwargs)
        self.extra["error_messages"] = {"invalid_choice": unknown_message}


class TaggedFilterSet(django_filters.FilterSet):
    """Country and theme filters shared by articles, events and resources."""

    pays = TermFilter(
        label="Pays",
        field_name="countries",
        queryset=Country.objects.order_by("name"),
        empty_label="Tous les pays",
        unknown_message="Ce pays n’existe pas : le filtre « Pays » est ignoré.",
    )
    thematique = TermFilter(
        label="Thématique",
        field_name="themes",
        queryset=Theme.objects.order_by("name"),
        empty_label="Toutes les thématiques",
        unknown_message="Cette thématique n’existe pas : le filtre « Thématique » est ignoré.",
    )

    def __init__(self, data=None, *args, **kwargs):
        super().__init__(validate_single_value(data), *args, **kwargs)
        for field in self.form.fields.values():
            field.widget.attrs.setdefault("class", "filters__input")

    @property
    def reuse_key(self):
        """The valid filters as plain values, to key a listing reused until a purge ({% until_purge %});
        None when a value is invalid (the listing shows its French message and is rendered every time),
        so that only existing terms and choices, never typed text, make keys."""
        if self.errors:
            return None
        return tuple(
            sorted(
                (name, str(getattr(value, "pk", value)))
                for name, value in self.form.cleaned_data.items()
                if value not in (None, "")
            )
        )

    @property
    def is_filtered(self):
        """True when at least one valid filter applies (the template then offers « Réinitialiser »)."""
        self.errors  # noqa: B018 - validates the form, filling cleaned_data
        return any(value not in (None, "") for value in self.form.cleaned_data.values())


def choice_error(label):
    return {"invalid_choice": f"Valeur inconnue pour « {label} » : ce filtre est ignoré."}


def typed_choice_filter(label, field_name, choices, empty_label):
    return django_filters.ChoiceFilter(
        label=label,
        field_name=field_name,
        choices=choices,
        empty_label=empty_label,
        error_messages=choice_error(label),
    )
