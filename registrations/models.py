"""A person's registration to an event (EventPage with `registration_open`)."""

import uuid

from django.db import models
from django.db.models import Q

from core import origin
from registrations.choices import ACTIVE_STATUSES, AttendanceMode, RegistrationStatus


class RegistrationQuerySet(models.QuerySet):
    def active(self):
        return self.filter(status__in=ACTIVE_STATUSES)

    def confirmed(self):
        return self.filter(status=RegistrationStatus.CONFIRMED)

    def waiting(self):
        """The waiting list, first come first served."""
        return self.filter(status=RegistrationStatus.WAITING).order_by("created_at", "pk")


class Registration(models.Model):
    event = models.ForeignKey("events.EventPage", on_delete=models.CASCADE, related_name="registrations",
                              verbose_name="événement")  # fmt: skip
    status = models.CharField("statut", max_length=10, choices=RegistrationStatus.choices, db_index=True)
    # The secret of the signed link in the emails (cancel, download, erase).
    token = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    name = models.CharField("nom et prénom", max_length=150)
    email = models.EmailField("adresse électronique")
    # Chosen in the directory of local governments, or None (an association, an institution, a local
    # government the directory lacks). SET_NULL, not PROTECT: deleting a directory entry must not depend
    # on people's registrations (short-lived personal data editors do not see), and nothing is lost,
    # since `organisation` always keeps the name as it was when the person registered.
    collectivite = models.ForeignKey(
        "directory.Collectivite",
        verbose_name="collectivité de l’annuaire",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="registrations",
    )
    # The name typed by the person, or the directory's name at registration time when one was chosen.
    organisation = models.CharField("collectivité ou organisation", max_length=200)
    function = models.CharField("fonction", max_length=150, blank=True)
    attendance = models.CharField("participation", max_length=10, choices=AttendanceMode.choices, blank=True)
    accessibility = models.TextField("besoins d’accessibilité", max_length=1000, blank=True)
    consent = models.BooleanField("consentement", default=False)
    created_at = models.DateTimeField("inscrit le", auto_now_add=True, db_index=True)
    promoted_at = models.DateTimeField("passé de la liste d’attente le", null=True, blank=True)
    cancelled_at = models.DateTimeField("annulé le", null=True, blank=True)

    objects = RegistrationQuerySet.as_manager()

    class Meta:
        verbose_name = "inscription"
        verbose_name_plural = "inscriptions"
        ordering = ["-created_at", "-pk"]
        constraints = [
            # One active registration per address and event (a cancelled one may register again).
            models.UniqueConstraint(
                fields=["event", "email"],
                condition=~Q(status=RegistrationStatus.CANCELLED),
                name="registration_one_active_per_email",
            )
        ]
        indexes = [models.Index(fields=["event", "status", "created_at"], name="registration_event_status")]

    def __str__(self):
        return f"{self.name} – {self.event}"

    @property
    def organisation_name(self):
        """The directory's current name when the registration is linked to it, else the name kept as text."""
        return self.collectivite.name if self.collectivite_id else self.organisation

    @property
    def is_active(self):
        return self.status in ACTIVE_STATUSES

    def personal_data(self):
        """Everything kept about this person, as the JSON download gives it."""
        return {
            "evenement": {
                "titre": self.event.title,
                "adresse": origin.page_url(self.event),
                "debut": self.event.start.isoformat(),
            },
            "statut": self.get_status_display(),
            "nom": self.name,
            "adresse_electronique": self.email,
            "collectivite_ou_organisation": self.organisation,
            "collectivite_de_l_annuaire": self.collectivite.name if self.collectivite_id else None,
            "fonction": self.function,
            "participation": self.get_attendance_display(),
            "besoins_accessibilite": self.accessibility,
            "consentement": self.consent,
            "inscrit_le": self.created_at.isoformat(),
            "passe_de_la_liste_d_attente_le": self.promoted_at.isoformat() if self.promoted_at else None,
            "annule_le": self.cancelled_at.isoformat() if self.cancelled_at else None,
        }
