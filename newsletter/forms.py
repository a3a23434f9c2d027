"""The subscription and preferences forms (French messages next to each field)."""

from django import forms

from core.forms import BoundedModelMultipleChoiceField
from taxonomy.models import Country, Theme

HONEYPOT = "site_web"


class PreferencesForm(forms.Form):
    name = forms.CharField(label="Nom (facultatif)", max_length=120, required=False)
    organisation = forms.CharField(label="Collectivité ou organisation (facultatif)", max_length=200, required=False)
    countries = BoundedModelMultipleChoiceField(
        label="Pays",
        queryset=Country.objects.order_by("name"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="Aucun pays coché : vous recevez la lettre quels que soient les pays traités.",
        error_messages={"invalid_choice": "Choisissez des pays de la liste.", "invalid_pk_value": "Pays inconnu."},
    )
    themes = BoundedModelMultipleChoiceField(
        label="Thématiques",
        queryset=Theme.objects.order_by("name"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="Aucune thématique cochée : vous recevez la lettre quelles que soient les thématiques.",
        error_messages={
            "invalid_choice": "Choisissez des thématiques de la liste.",
            "invalid_pk_value": "Thématique inconnue.",
        },
    )

    def full_clean(self):
        """Link each field in error to its messages (aria-describedby), as field.html renders them."""
        super().full_clean()
        for name, errors in self.errors.items():
            field = self.fields.get(name)
            if field is None or isinstance(field.widget, forms.CheckboxSelectMultiple):
                continue  # lists of checkboxes: their fieldset carries the messages
            ids = " ".join(f"id_{name}-erreur-{number}" for number in range(1, len(errors) + 1))
            field.widget.attrs.update({"aria-invalid": "true", "aria-describedby": ids})

    def clean_name(self):
        return " ".join(self.cleaned_data["name"].split())

    def clean_organisation(self):
        return " ".join(self.cleaned_data["organisation"].split())


class SubscribeForm(PreferencesForm):
    email = forms.EmailField(
        label="Adresse e-mail",
        max_length=254,
        error_messages={
            "required": "Indiquez votre adresse e-mail.",
            "invalid": "Saisissez une adresse e-mail valide, par exemple nom@collectivite.fr.",
        },
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    consent = forms.BooleanField(
        label=(
            "J’accepte de recevoir « La lettre de la coopération décentralisée » de Cités Unies France. "
            "Je peux me désinscrire à tout moment depuis chaque lettre."
        ),
        error_messages={"required": "Cochez cette case pour vous inscrire."},
    )
    # Honeypot: hidden from people (CSS and aria-hidden), filled in by naive bots.
    site_web = forms.CharField(label="Ne pas remplir ce champ", required=False)

    field_order = ["email", "name", "organisation", "countries", "themes", "consent", HONEYPOT]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields[HONEYPOT].widget.attrs.update({"tabindex": "-1", "autocomplete": "off"})
        self.fields["name"].widget.attrs["autocomplete"] = "name"
        self.fields["organisation"].widget.attrs["autocomplete"] = "organization"

    def is_bot(self):
        return bool(self.data.get(HONEYPOT))
