from django.apps import AppConfig

from core.errors import install_reference_filter


class CoreConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "core"
    verbose_name = "Socle du site"

    def ready(self):
        install_reference_filter()
        # Imported once the apps are loaded: core.forms imports Wagtail's admin forms (models).
        from core.forms import use_bounded_many_to_many_fields_in_the_admin

        use_bounded_many_to_many_fields_in_the_admin()
