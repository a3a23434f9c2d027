"""Choice enums of the calls app."""

from django.db import models


class CallKind(models.TextChoices):
    PROJETS = "projets", "Appel à projets"
    CONTRIBUTIONS = "contributions", "Appel à contributions"
    CANDIDATURES = "candidatures", "Appel à candidatures"


class CallStatus(models.TextChoices):
    """Computed from the clock (CallPage.status), never stored."""

    OUVERT = "ouvert", "Ouvert"
    IMMINENT = "imminent", "Clôture imminente"
    CLOS = "clos", "Clos"
