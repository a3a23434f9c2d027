from django.apps import AppConfig


class MediaLibraryConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "media_library"
    verbose_name = "Médiathèque"

    def ready(self):
        from media_library import signals

        signals.connect()
