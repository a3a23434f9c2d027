"""Create the group "Collectivités adhérentes" (accounts of member local governments: no admin access,
only the members-only pages restricted to it), and let the editorial groups use the directory:
"Rédacteurs" choose local governments, "Modérateurs" also add and change them."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

MEMBERS = "Collectivités adhérentes"  # groups.choices.MEMBERS_GROUP_NAME
WRITERS = "Rédacteurs"
MODERATORS = "Modérateurs"
WRITER_PERMISSIONS = ["view_collectivite"]
MODERATOR_PERMISSIONS = ["view_collectivite", "add_collectivite", "change_collectivite"]


def create_group(apps, schema_editor):
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    Group.objects.get_or_create(name=MEMBERS)
    for name, codenames in ((WRITERS, WRITER_PERMISSIONS), (MODERATORS, MODERATOR_PERMISSIONS)):
        group = Group.objects.filter(name=name).first()
        if group is None:
            continue
        group.permissions.add(*Permission.objects.filter(content_type__app_label="directory", codename__in=codenames))


def remove_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=MEMBERS).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("groups", "0001_initial"),
        ("directory", "0001_initial"),
        ("core", "0003_editorial_groups"),
    ]

    operations = [migrations.RunPython(create_group, remove_group)]
