"""Form fields shared by the admin and the public forms."""

from django import forms
from django.core.exceptions import ValidationError
from django.db import connections, models, router
from wagtail.admin.forms.models import register_form_field_override


class BoundedModelMultipleChoiceField(forms.ModelMultipleChoiceField):
    """A ModelMultipleChoiceField that refuses an integer key the database cannot hold.

    Django checks each submitted key with `pk=value` (out-of-range integers simply match nothing there)
    and then fetches them all with `pk__in=[…]`, which sends the value as is: SQLite raises OverflowError
    on 2**63, a 500 for `?themes=9223372036854775808`. Such a key is the field's usual French
    "invalid choice" message instead.
    """

    def _check_values(self, value):
        key = self.to_field_name or "pk"
        model_field = self.queryset.model._meta.pk if key == "pk" else self.queryset.model._meta.get_field(key)
        if isinstance(model_field, models.IntegerField):
            connection = connections[router.db_for_read(self.queryset.model)]
            low, high = connection.ops.integer_field_range(model_field.get_internal_type())
            for submitted in value:
                try:
                    number = int(str(submitted).strip())
                except (TypeError, ValueError):
                    continue  # Django's own check names it
                if (low is not None and number < low) or (high is not None and number > high):
                    raise ValidationError(
                        self.error_messages["invalid_pk_value"], code="invalid_pk_value", params={"pk": submitted}
                    )
        return super()._check_values(value)


def use_bounded_many_to_many_fields_in_the_admin():
    """Every many-to-many field of Wagtail's admin forms (countries, themes, …) uses the bounded field."""
    register_form_field_override(models.ManyToManyField, override={"form_class": BoundedModelMultipleChoiceField})
