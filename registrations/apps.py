from django.apps import AppConfig


class RegistrationsConfig(AppConfig):
    name = "registrations"
    verbose_name = "Inscriptions aux événements"
    default_auto_field = "django.db.models.BigAutoField"
