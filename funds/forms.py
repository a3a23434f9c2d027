"""The pledge form: a local government promises an amount to a fund (never a payment).

Every bad input becomes a French message next to its field and keeps the other values; a filled
honeypot field (robots fill every field) is accepted silently and saves nothing.
"""

import datetime
from decimal import Decimal, InvalidOperation

from django import forms
from django.utils import timezone

from .pledges import Pledge

MIN_AMOUNT = Decimal("1")
MAX_AMOUNT = Decimal("10000000")
OLDEST_VOTE = datetime.date(2000, 1, 1)
SPACES = (" ", "\u00a0", "\u202f", "\u2009")


class AmountField(forms.DecimalField):
    """An amount in euros as people type it: "1500", "1 500", "1 500,50", "1500.50 €"."""

    default_error_messages = {
        "invalid": "Indiquez un montant en euros, en chiffres (par exemple 5 000).",
        "max_digits": "Ce montant est trop élevé.",
        "max_decimal_places": "Indiquez au plus deux chiffres après la virgule (les centimes).",
        "max_whole_digits": "Ce montant est trop élevé.",
    }

    def to_python(self, value):
        if isinstance(value, str):
            value = value.strip().removesuffix("€").removesuffix("EUR").strip()
            for space in SPACES:
                value = value.replace(space, "")
            value = value.replace(",", ".")
            if value and not all(char.isdigit() or char in ".-" for char in value):
                raise forms.ValidationError(self.error_messages["invalid"], code="invalid")
        try:
            return super().to_python(value)
        except (InvalidOperation, ValueError):
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid") from None


class PledgeForm(forms.ModelForm):
    amount = AmountField(
        label="Montant promis (en euros)",
        max_digits=12,
        decimal_places=2,
        widget=forms.TextInput(attrs={"inputmode": "decimal", "autocomplete": "off"}),
    )
    vote_date = forms.DateField(
        label="Date du vote du conseil",
        input_formats=["%Y-%m-%d", "%d/%m/%Y"],
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text="La délibération votée ou la séance prévue.",
        error_messages={"invalid": "Indiquez une date valide, par exemple 15/03/2026."},
    )
    consent = forms.BooleanField(
        label="J’accepte que Cités Unies France conserve ces informations pour suivre cette promesse "
        "et me recontacter à son sujet.",
        error_messages={"required": "Votre accord est nécessaire pour que nous puissions traiter la promesse."},
    )
    # Honeypot: hidden from people by CSS and from assistive technologies; robots fill it.
    site_web = forms.CharField(
        label="Ne remplissez pas ce champ",
        required=False,
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )

    class Meta:
        model = Pledge
        fields = [
            "collectivite",
            "collectivite_name",
            "contact_name",
            "email",
            "phone",
            "amount",
            "vote_date",
            "message",
            "consent",
        ]
        labels = {
            "collectivite": "Votre collectivité dans l’annuaire",
            "collectivite_name": "Ou son nom, si elle n’y figure pas",
            "contact_name": "Personne à contacter (nom et prénom)",
            "email": "Courriel",
            "phone": "Téléphone (facultatif)",
            "message": "Message (facultatif)",
        }
        error_messages = {
            "contact_name": {"required": "Indiquez le nom de la personne à contacter."},
            "email": {
                "required": "Indiquez un courriel.",
                "invalid": "Indiquez un courriel valide, par exemple nom@mairie.fr.",
            },
            "collectivite_name": {"max_length": "Ce nom est trop long (255 caractères au plus)."},
        }
        widgets = {"message": forms.Textarea(attrs={"rows": 5, "maxlength": 3000})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The directory is another content app: its model comes through the lazy foreign key, not an import.
        chooser = self.fields["collectivite"]
        chooser.queryset = chooser.queryset.order_by("name")
        chooser.empty_label = "— Choisir dans l’annuaire —"
        self.fields["collectivite_name"].required = False  # the directory's choice may stand for it (clean)
        chooser.error_messages["invalid_choice"] = (
            "Cette collectivité n’est pas dans l’annuaire : choisissez-en une autre."
        )
        self.fields["amount"].error_messages["required"] = "Indiquez le montant promis."
        self.fields["vote_date"].error_messages["required"] = "Indiquez la date du vote du conseil."
        self.fields["message"].max_length = 3000
        self.fields["message"].error_messages["max_length"] = "Votre message est trop long (3 000 caractères au plus)."
        self.fields["phone"].error_messages["max_length"] = "Ce numéro est trop long."
        for name, field in self.fields.items():
            if name != "site_web" and field.required:
                field.widget.attrs["required"] = True

    @property
    def is_spam(self):
        return bool(self.data.get("site_web"))

    def clean_amount(self):
        amount = self.cleaned_data["amount"]
        if amount < MIN_AMOUNT:
            raise forms.ValidationError("Le montant doit être d’au moins 1 €.")
        if amount > MAX_AMOUNT:
            raise forms.ValidationError("Ce montant dépasse 10 millions d’euros : écrivez-nous directement.")
        return amount

    def clean_vote_date(self):
        day = self.cleaned_data["vote_date"]
        if day < OLDEST_VOTE:
            raise forms.ValidationError("Cette date est trop ancienne.")
        if day > timezone.localdate() + datetime.timedelta(days=366):
            raise forms.ValidationError("Indiquez une séance dans les douze prochains mois au plus.")
        return day

    def clean_phone(self):
        phone = self.cleaned_data.get("phone", "").strip()
        if phone and not all(char.isdigit() or char in " +.()-" for char in phone):
            raise forms.ValidationError("Indiquez un numéro de téléphone (chiffres, espaces, + ou points).")
        if phone and sum(char.isdigit() for char in phone) < 6:
            raise forms.ValidationError("Ce numéro de téléphone est trop court.")
        return phone

    def clean(self):
        cleaned = super().clean()
        chosen = cleaned.get("collectivite")
        name = (cleaned.get("collectivite_name") or "").strip()
        if chosen is None and not name and "collectivite" not in self.errors:
            self.add_error("collectivite_name", "Choisissez votre collectivité dans l’annuaire ou écrivez son nom.")
        elif chosen is not None and not name:
            cleaned["collectivite_name"] = chosen.name
        return cleaned
