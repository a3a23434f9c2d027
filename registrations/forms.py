"""The registration form: French messages next to each field, a honeypot, attendance for hybrid events."""

from django import forms

from events.choices import EventFormat
from registrations.choices import AttendanceMode
from registrations.models import Registration

HONEYPOT = "site_web"


class RegistrationForm(forms.ModelForm):
    # Hidden from people (CSS and aria-hidden), tempting for robots: a filled value means spam.
    site_web = forms.CharField(label="Ne pas remplir ce champ", required=False, max_length=200)
    consent = forms.BooleanField(
        label="J’accepte que Cités Unies France conserve ces informations pour organiser l’événement ; "
        "elles sont effacées après l’événement.",
        required=True,
        error_messages={"required": "Cochez cette case pour vous inscrire."},
    )

    class Meta:
        model = Registration
        fields = ["name", "email", "organisation", "function", "attendance", "accessibility", "consent"]
        widgets = {
            "accessibility": forms.Textarea(attrs={"rows": 3, "maxlength": 1000}),
            "attendance": forms.RadioSelect,
        }
        help_texts = {
            "organisation": "Le nom de votre collectivité territoriale, association ou institution.",
            "accessibility": "Facultatif : accès en fauteuil, interprétation en langue des signes, sous-titrage…",
        }
        error_messages = {
            "name": {"required": "Indiquez votre nom et votre prénom."},
            "email": {"required": "Indiquez votre adresse électronique.",
                      "invalid": "Saisissez une adresse électronique valide, par exemple nom@exemple.fr."},
            "organisation": {"required": "Indiquez votre collectivité ou votre organisation."},
        }  # fmt: skip

    def __init__(self, *args, event, **kwargs):
        super().__init__(*args, **kwargs)
        self.event = event
        self.fields["site_web"].widget.attrs.update({"tabindex": "-1", "autocomplete": "off"})
        self.fields["email"].widget.attrs["autocomplete"] = "email"
        self.fields["name"].widget.attrs["autocomplete"] = "name"
        self.fields["organisation"].widget.attrs["autocomplete"] = "organization"
        self.fields["function"].widget.attrs["autocomplete"] = "organization-title"
        if event.format == EventFormat.HYBRIDE:
            attendance = self.fields["attendance"]
            attendance.required = True
            attendance.choices = AttendanceMode.choices
            attendance.error_messages["required"] = "Choisissez de participer sur place ou en ligne."
        else:
            del self.fields["attendance"]

    def full_clean(self):
        super().full_clean()
        # Errors and help are announced with the field: aria-describedby names both paragraphs.
        for name, field in self.fields.items():
            bound = self[name]
            described = [f"{bound.auto_id}_helptext"] if field.help_text else []
            if name in self.errors:
                described.append(f"{bound.auto_id}-erreur")
                field.widget.attrs["aria-invalid"] = "true"
            if described:
                field.widget.attrs["aria-describedby"] = " ".join(described)

    @property
    def is_spam(self):
        return bool(self.cleaned_data.get(HONEYPOT))

    def clean_name(self):
        return " ".join(self.cleaned_data["name"].split())

    def clean_organisation(self):
        return " ".join(self.cleaned_data["organisation"].split())

    def registration_fields(self):
        """Keyword arguments for services.register (the email apart)."""
        data = {name: self.cleaned_data[name] for name in self.Meta.fields if name in self.fields}
        data.pop("email")
        return data
