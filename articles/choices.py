"""Choices of articles, shared by models, filters and feeds."""

from django.db import models


class ArticleKind(models.TextChoices):
    ACTUALITE = "actualite", "Actualité"
    COMMUNIQUE = "communique", "Communiqué"
    APPEL = "appel", "Appel à contributions"
    PUBLICATION = "publication", "Publication"
    LETTRE = "lettre", "Lettre d’information"
