"""The editorial groups' permissions on images, documents and audio/video: fresh databases and the repair.

core/migrations/0003 grants them on a fresh database; core/migrations/0006 repairs a database made when
0003 granted them on the custom models (media_library.add_cufimage…), which Wagtail never checks.
"""

import importlib

import pytest
from django.contrib.auth.models import Group, Permission
from django.db import connection
from django.db.migrations.loader import MigrationLoader
from wagtail.models import Collection, GroupCollectionPermission

from tests.editorial.conftest import make_user

pytestmark = pytest.mark.django_db

WRITER_PERMISSIONS = [
    "wagtaildocs.add_document",
    "wagtaildocs.choose_document",
    "wagtailimages.add_image",
    "wagtailimages.choose_image",
    "wagtailmedia.add_media",
]
MODERATOR_PERMISSIONS = sorted(
    [*WRITER_PERMISSIONS, "wagtaildocs.change_document", "wagtailimages.change_image", "wagtailmedia.change_media"]
)
OLD_CUSTOM_MODEL_PERMISSIONS = [
    "add_cufimage",
    "change_cufimage",
    "choose_image",
    "add_cufdocument",
    "change_cufdocument",
    "choose_document",
    "add_cufmedia",
    "change_cufmedia",
]


def collection_permissions(group_name):
    rows = GroupCollectionPermission.objects.filter(group__name=group_name).select_related(
        "permission__content_type", "collection"
    )
    assert {row.collection.depth for row in rows} <= {1}, "one collection for the whole site: the root"
    return sorted(f"{row.permission.content_type.app_label}.{row.permission.codename}" for row in rows)


def test_fresh_database_grants_the_media_permissions_wagtail_checks():
    assert collection_permissions("Rédacteurs") == WRITER_PERMISSIONS
    assert collection_permissions("Modérateurs") == MODERATOR_PERMISSIONS
    for codename in ("change_sitesettings", "change_navigationsettings"):
        assert Group.objects.get(name="Modérateurs").permissions.filter(codename=codename).exists()
        assert not Group.objects.get(name="Rédacteurs").permissions.filter(codename=codename).exists()


def test_no_group_may_manage_users():
    assert not Permission.objects.filter(group__isnull=False, content_type__app_label="auth").exists()


def break_groups_as_the_old_migration_did():
    """The state core.0003 left before the fix: collection permissions on media_library models only."""
    root = Collection.get_first_root_node()
    GroupCollectionPermission.objects.all().delete()
    old = Permission.objects.filter(content_type__app_label="media_library", codename__in=OLD_CUSTOM_MODEL_PERMISSIONS)
    for name in ("Rédacteurs", "Modérateurs"):
        group = Group.objects.get(name=name)
        for permission in old:
            GroupCollectionPermission.objects.create(group=group, collection=root, permission=permission)
    Group.objects.get(name="Modérateurs").permissions.remove(Permission.objects.get(codename="change_sitesettings"))


def run_repair():
    """Run core.0006's function with the historical models, as `migrate` does."""
    module = importlib.import_module("core.migrations.0006_repair_media_permissions")
    state = MigrationLoader(connection).project_state(("core", "0006_repair_media_permissions"))
    module.repair(state.apps, None)


def test_the_repair_migration_fixes_a_database_made_by_the_old_migration(client):
    writer = make_user("redacteur", "Rédacteurs")
    break_groups_as_the_old_migration_did()
    client.force_login(writer)
    assert client.get("/admin/images/add/").status_code == 302, "broken: sent back to the dashboard"

    run_repair()

    assert collection_permissions("Rédacteurs") == WRITER_PERMISSIONS
    assert collection_permissions("Modérateurs") == MODERATOR_PERMISSIONS
    assert Group.objects.get(name="Modérateurs").permissions.filter(codename="change_sitesettings").exists()
    writer = type(writer).objects.get(pk=writer.pk)  # permission caches are per instance
    client.force_login(writer)
    assert client.get("/admin/images/add/").status_code == 200


def test_the_repair_is_idempotent_and_keeps_what_was_granted_by_hand():
    root = Collection.get_first_root_node()
    writers = Group.objects.get(name="Rédacteurs")
    by_hand = Permission.objects.get(content_type__app_label="wagtailimages", codename="change_image")
    GroupCollectionPermission.objects.create(group=writers, collection=root, permission=by_hand)
    run_repair()
    run_repair()
    assert collection_permissions("Rédacteurs") == sorted([*WRITER_PERMISSIONS, "wagtailimages.change_image"])
    assert collection_permissions("Modérateurs") == MODERATOR_PERMISSIONS


def test_the_repair_leaves_a_renamed_group_alone():
    Group.objects.filter(name="Rédacteurs").update(name="Rédaction")
    run_repair()
    assert not Group.objects.filter(name="Rédacteurs").exists()
