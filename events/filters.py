"""Filters of the agenda and its iCalendar feed: ?pays=&thematique=&format=&mois=YYYY-MM."""

import datetime

import django_filters
from django import forms
from django.utils import timezone

from core.filters import TaggedFilterSet, typed_choice_filter

from .choices import EventFormat


class MonthField(forms.Field):
    """A calendar month written YYYY-MM (what <input type="month"> sends), cleaned to its first day."""

    # HTML forbids placeholder and maxlength on type="month"; min and max bound the browser's picker. A
    # browser that shows a plain text box instead gets the format from the label (EventFilterSet).
    widget = forms.TextInput(attrs={"type": "month", "min": "1900-01", "max": "2999-12"})
    default_error_messages = {"invalid": "Mois invalide : utilisez le format AAAA-MM, par exemple 2026-03."}

    def to_python(self, value):
        value = str(value or "").strip()
        if not value:
            return None
        try:
            if len(value) != 7:
                raise ValueError(value)
            month = datetime.datetime.strptime(value, "%Y-%m").date()
        except ValueError:
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid") from None
        if not 1900 <= month.year <= 2999:
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid")
        return month

    def prepare_value(self, value):
        return value.strftime("%Y-%m") if isinstance(value, datetime.date) else value


class MonthFilter(django_filters.Filter):
    """Events that take place, at least partly, during the month."""

    field_class = MonthField

    def filter(self, qs, value):
        if not value:
            return qs
        first = timezone.make_aware(datetime.datetime(value.year, value.month, 1))
        following = datetime.datetime(value.year + value.month // 12, value.month % 12 + 1, 1)
        return qs.filter(start__lt=timezone.make_aware(following), end__gte=first)


class EventFilterSet(TaggedFilterSet):
    format = typed_choice_filter("Format", "format", EventFormat.choices, "Tous les formats")
    mois = MonthFilter(label="Mois (AAAA-MM)")
