from django.apps import AppConfig

from core.errors import install_reference_filter


class CoreConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "core"

    def ready(self):
        from core.cache import purge

        purge.connect()
        install_reference_filter()
