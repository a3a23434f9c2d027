"""Moderators read the import reports in the admin (view permission only: reports are never edited)."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

CODENAMES = ["view_spipimportrun", "view_spipimportitem"]


def grant(apps, schema_editor):
    app_config = apps.get_app_config("spip_import")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    moderators, _ = Group.objects.get_or_create(name="Modérateurs")
    moderators.permissions.add(*Permission.objects.filter(content_type__app_label="spip_import", codename__in=CODENAMES))


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for group in Group.objects.filter(name="Modérateurs"):
        group.permissions.remove(*Permission.objects.filter(content_type__app_label="spip_import", codename__in=CODENAMES))


class Migration(migrations.Migration):
    dependencies = [("spip_import", "0001_initial"), ("core", "0003_editorial_groups"), ("auth", "0012_alter_user_first_name_max_length")]

    operations = [migrations.RunPython(grant, revoke)]
