"""Choice enums of the funds app, apart so that models, forms, admin and tests import them without cycles."""

from django.db import models


class FundStatus(models.TextChoices):
    OUVERT = "ouvert", "Ouvert"
    CLOS = "clos", "Clos"


class ProjectStatus(models.TextChoices):
    A_L_ETUDE = "etude", "À l’étude"
    FINANCE = "finance", "Financé"
    EN_COURS = "en-cours", "En cours"
    TERMINE = "termine", "Terminé"


class PledgeStatus(models.TextChoices):
    RECUE = "recue", "Reçue"
    CONFIRMEE = "confirmee", "Confirmée (versement reçu)"
    ANNULEE = "annulee", "Annulée"
