from django.apps import AppConfig
from django.db.models.signals import post_migrate

from core import checks  # noqa: F401 - registers the system checks (core/checks.py)
from core.errors import install_reference_filter
from core.origin import sync_default_site


def sync_site_after_migrate(sender, using="default", verbosity=1, **kwargs):
    """Every migrate leaves Wagtail's default Site on BASE_URL (core/origin.py)."""
    sync_default_site(using=using, verbosity=verbosity)


class CoreConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "core"
    verbose_name = "Socle du site"

    def ready(self):
        install_reference_filter()
        # Imported once the apps are loaded: core.forms imports Wagtail's admin forms (models).
        from core.forms import use_bounded_many_to_many_fields_in_the_admin

        use_bounded_many_to_many_fields_in_the_admin()
        # post_migrate is sent once per app after the whole migration: with this sender, once per migrate.
        post_migrate.connect(sync_site_after_migrate, sender=self, dispatch_uid="core.sync_site_after_migrate")
