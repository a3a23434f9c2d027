from django.apps import AppConfig

from core.errors import install_reference_filter


class CoreConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "core"
    verbose_name = "Socle du site"

    def ready(self):
        install_reference_filter()
