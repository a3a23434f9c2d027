"""The registration form: French messages next to each field, a honeypot, attendance for hybrid events.

The participant's local government is chosen in the directory (directory.Collectivite, through the
lazy foreign key `Registration.collectivite`); an association, an institution or a local government the
directory lacks is written in the free-text field instead. A posted key that is not a number, is out
of the 64-bit range or is unknown is the field's French "invalid choice" message: Django 5.2's
ModelChoiceField looks it up with `pk=value`, and an exact lookup on an integer out of the column's
range matches nothing instead of reaching the database (tests/registrations/test_collectivite.py).
"""

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
        fields = ["name", "email", "collectivite", "organisation", "function", "attendance", "accessibility", "consent"]
        widgets = {
            "accessibility": forms.Textarea(attrs={"rows": 3, "maxlength": 1000}),
            "attendance": forms.RadioSelect,
        }
        labels = {
            "collectivite": "Votre collectivité dans l’annuaire",
            "organisation": "Ou le nom de votre organisation, si elle n’y figure pas",
        }
        help_texts = {
            "collectivite": "Les collectivités territoriales françaises de l’annuaire de Cités Unies France.",
            "organisation": "Association, institution, collectivité absente de l’annuaire… "
            "Laissez ce champ vide si vous avez choisi votre collectivité dans la liste.",
            "accessibility": "Facultatif : accès en fauteuil, interprétation en langue des signes, sous-titrage…",
        }
        error_messages = {
            "name": {"required": "Indiquez votre nom et votre prénom."},
            "email": {"required": "Indiquez votre adresse électronique.",
                      "invalid": "Saisissez une adresse électronique valide, par exemple nom@exemple.fr."},
            "collectivite": {"invalid_choice": "Sélectionnez une collectivité de la liste, ou écrivez le nom de "
                                               "votre organisation dans le champ suivant."},
            "organisation": {"max_length": "Ce nom est trop long (200 caractères au plus)."},
        }  # fmt: skip

    def __init__(self, *args, event, **kwargs):
        super().__init__(*args, **kwargs)
        self.event = event
        self.fields["site_web"].widget.attrs.update({"tabindex": "-1", "autocomplete": "off"})
        self.fields["email"].widget.attrs["autocomplete"] = "email"
        self.fields["name"].widget.attrs["autocomplete"] = "name"
        chooser = self.fields["collectivite"]
        # Only what the options show, in one query whatever the directory's size.
        chooser.queryset = chooser.queryset.only("pk", "name").order_by("name")
        chooser.empty_label = "— Choisir dans l’annuaire —"
        self.fields["organisation"].required = False  # the directory's choice may stand for it (clean)
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

    def clean(self):
        cleaned = super().clean()
        chosen = cleaned.get("collectivite")
        if chosen is not None:
            # The directory's choice wins; its name is kept as text too, should the entry be deleted later.
            cleaned["organisation"] = chosen.name
        elif (
            not cleaned.get("organisation")
            and not self.has_error("collectivite")
            and not self.has_error("organisation")
        ):
            self.add_error(
                "collectivite",
                forms.ValidationError(
                    "Choisissez votre collectivité dans l’annuaire ou écrivez le nom de votre organisation.",
                    code="required",
                ),
            )
        return cleaned

    def registration_fields(self):
        """Keyword arguments for services.register (the email apart)."""
        data = {name: self.cleaned_data[name] for name in self.Meta.fields if name in self.fields}
        data.pop("email")
        return data
