from django.apps import AppConfig


class SpipImportConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "spip_import"
    verbose_name = "Import SPIP"
