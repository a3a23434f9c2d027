from django.apps import AppConfig


class EditorialConfig(AppConfig):
    """The editorial process: moderation workflow, scheduled publishing, shareable previews."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "editorial"
    verbose_name = "Processus éditorial"
