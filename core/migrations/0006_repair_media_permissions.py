"""Repair the editorial groups' permissions on images, documents and audio/video; moderators edit the site settings.

core.0003 first granted collection permissions on the custom models (media_library.add_cufimage…), while
Wagtail checks them on its own auth models (wagtailimages.Image, wagtaildocs.Document, wagtailmedia.Media):
neither group could upload, edit or choose a file in the admin. core.0003 now grants the right ones on a
fresh database; on a database made before, this migration, for the groups "Rédacteurs" and "Modérateurs":

- deletes their collection permissions on media_library models (never checked by Wagtail);
- grants, on the root collection (one collection for the whole site, see README "Roles and permissions"):
  Rédacteurs: add and choose images, add and choose documents, add audio/video (each can edit and
  delete what they uploaded); Modérateurs: the same plus change (and so delete) any image, document,
  audio or video;
- grants Modérateurs the global permission to edit the site settings (core.change_sitesettings).

It only adds what is missing: permissions given by hand in the admin stay. A group that does not exist
(renamed by hand) is left alone. Reversing it removes nothing (it would only break the groups again).
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

WRITERS = "Rédacteurs"
MODERATORS = "Modérateurs"

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
MODERATOR_MODEL_PERMISSIONS = [("core", "change_sitesettings")]


def repair(apps, schema_editor):
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")

    def permission(app_label, codename):
        return Permission.objects.get(content_type__app_label=app_label, codename=codename)

    root_collection = Collection.objects.get(depth=1)
    wanted = {
        WRITERS: (WRITER_COLLECTION_PERMISSIONS, []),
        MODERATORS: (MODERATOR_COLLECTION_PERMISSIONS, MODERATOR_MODEL_PERMISSIONS),
    }
    for name, (collection_permissions, model_permissions) in wanted.items():
        group = Group.objects.filter(name=name).first()
        if group is None:
            continue
        GroupCollectionPermission.objects.filter(
            group=group, permission__content_type__app_label="media_library"
        ).delete()
        for app_label, codename in collection_permissions:
            GroupCollectionPermission.objects.get_or_create(
                group=group, collection=root_collection, permission=permission(app_label, codename)
            )
        for app_label, codename in model_permissions:
            group.permissions.add(permission(app_label, codename))


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0005_search_title_body_index"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailmedia", "0005_alter_media_options"),
    ]

    operations = [migrations.RunPython(repair, migrations.RunPython.noop)]
