"""Create the editorial groups "Rédacteurs" and "Modérateurs" with their permissions.

Permissions are normally created after all migrations (post_migrate), so they
are created here explicitly for a fresh database.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

WRITERS = "Rédacteurs"
MODERATORS = "Modérateurs"

WRITER_PAGE_PERMISSIONS = ["add_page", "change_page", "lock_page"]
MODERATOR_PAGE_PERMISSIONS = WRITER_PAGE_PERMISSIONS + ["publish_page", "unlock_page", "bulk_delete_page"]

# Collection permissions are checked by Wagtail on its own "auth models" (wagtailimages.Image,
# wagtaildocs.Document, wagtailmedia.Media), whatever the custom models are (media_library.CufImage…).
# "add" lets a person upload and also edit or delete what they uploaded themselves; "change" any item of
# the collection (Wagtail treats delete as change); wagtailmedia has no "choose" permission.
# core/migrations/0006 repairs the groups of databases made when this list named the custom models.
WRITER_COLLECTION_PERMISSIONS = [
    ("wagtailimages", "add_image"),
    ("wagtailimages", "choose_image"),
    ("wagtaildocs", "add_document"),
    ("wagtaildocs", "choose_document"),
    ("wagtailmedia", "add_media"),
]
MODERATOR_COLLECTION_PERMISSIONS = WRITER_COLLECTION_PERMISSIONS + [
    ("wagtailimages", "change_image"),
    ("wagtaildocs", "change_document"),
    ("wagtailmedia", "change_media"),
]

WRITER_MODEL_PERMISSIONS = [
    ("wagtailadmin", "access_admin"),
    ("taxonomy", "view_country"),
    ("taxonomy", "view_theme"),
]
MODERATOR_MODEL_PERMISSIONS = WRITER_MODEL_PERMISSIONS + [
    ("taxonomy", "add_country"),
    ("taxonomy", "change_country"),
    ("taxonomy", "add_theme"),
    ("taxonomy", "change_theme"),
]


def ensure_permissions(apps):
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None


def get_permission(apps, app_label, codename):
    Permission = apps.get_model("auth", "Permission")
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def grant(apps, group, page_codenames, collection_perms, model_perms):
    Page = apps.get_model("wagtailcore", "Page")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")

    root_page = Page.objects.get(depth=1)
    root_collection = Collection.objects.get(depth=1)
    for codename in page_codenames:
        GroupPagePermission.objects.get_or_create(
            group=group, page=root_page, permission=get_permission(apps, "wagtailcore", codename)
        )
    for app_label, codename in collection_perms:
        GroupCollectionPermission.objects.get_or_create(
            group=group, collection=root_collection, permission=get_permission(apps, app_label, codename)
        )
    for app_label, codename in model_perms:
        group.permissions.add(get_permission(apps, app_label, codename))


def create_groups(apps, schema_editor):
    ensure_permissions(apps)
    Group = apps.get_model("auth", "Group")
    writers, _ = Group.objects.get_or_create(name=WRITERS)
    grant(apps, writers, WRITER_PAGE_PERMISSIONS, WRITER_COLLECTION_PERMISSIONS, WRITER_MODEL_PERMISSIONS)
    moderators, _ = Group.objects.get_or_create(name=MODERATORS)
    grant(apps, moderators, MODERATOR_PAGE_PERMISSIONS, MODERATOR_COLLECTION_PERMISSIONS, MODERATOR_MODEL_PERMISSIONS)


def remove_groups(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=[WRITERS, MODERATORS]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0002_initial"),
        ("taxonomy", "0001_initial"),
        ("media_library", "0002_initial"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailadmin", "0006_formstate"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailmedia", "0005_alter_media_options"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(create_groups, remove_groups)]
