"""Choices of events, shared by models, filters, iCal and JSON-LD."""

from django.db import models


class EventFormat(models.TextChoices):
    PRESENTIEL = "presentiel", "Présentiel"
    EN_LIGNE = "en-ligne", "En ligne"
    HYBRIDE = "hybride", "Hybride"


class EventStatus(models.TextChoices):
    PREVU = "prevu", "Prévu"
    ANNULE = "annule", "Annulé"
    REPORTE = "reporte", "Reporté"
