"""Moderators ("Modérateurs") see the pledges in the admin and update their status; editors do not."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

MODERATORS = "Modérateurs"
CODENAMES = ["view_pledge", "change_pledge"]


def grant(apps, schema_editor):
    app_config = apps.get_app_config("funds")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    moderators, _ = Group.objects.get_or_create(name=MODERATORS)
    moderators.permissions.add(*Permission.objects.filter(content_type__app_label="funds", codename__in=CODENAMES))


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for group in Group.objects.filter(name=MODERATORS):
        group.permissions.remove(*Permission.objects.filter(content_type__app_label="funds", codename__in=CODENAMES))


class Migration(migrations.Migration):
    dependencies = [
        ("funds", "0001_initial"),
        ("core", "0003_editorial_groups"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
