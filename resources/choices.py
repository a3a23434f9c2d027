"""Choices of the resource centre, shared by models and filters."""

from django.db import models


class ResourceKind(models.TextChoices):
    TEXTE = "texte", "Texte"
    PHOTO = "photo", "Photo"
    SON = "son", "Son"
    VIDEO = "video", "Vidéo"
