from django.db import models


class RegistrationStatus(models.TextChoices):
    CONFIRMED = "confirmee", "Confirmée"
    WAITING = "attente", "Liste d’attente"
    CANCELLED = "annulee", "Annulée"


class AttendanceMode(models.TextChoices):
    ON_SITE = "sur-place", "Sur place"
    ONLINE = "en-ligne", "En ligne"


ACTIVE_STATUSES = (RegistrationStatus.CONFIRMED, RegistrationStatus.WAITING)
