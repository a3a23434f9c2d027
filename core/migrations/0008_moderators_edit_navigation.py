"""Modérateurs edit the main menu, the footer links and the accessibility mention (core.NavigationSettings)."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

MODERATORS = "Modérateurs"
CODENAMES = ["change_navigationsettings"]


def grant(apps, schema_editor):
    app_config = apps.get_app_config("core")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for group in Group.objects.filter(name=MODERATORS):
        group.permissions.add(*Permission.objects.filter(content_type__app_label="core", codename__in=CODENAMES))


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for group in Group.objects.filter(name=MODERATORS):
        group.permissions.remove(*Permission.objects.filter(content_type__app_label="core", codename__in=CODENAMES))


class Migration(migrations.Migration):
    dependencies = [("core", "0007_navigation_settings")]

    operations = [migrations.RunPython(grant, revoke)]
