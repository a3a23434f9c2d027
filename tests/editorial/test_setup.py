"""A fresh database has the French groups and workflow, and nothing of Wagtail's English defaults."""

import pytest
from django.contrib.auth.models import Group
from wagtail.models import GroupApprovalTask, GroupPagePermission, Page, Workflow

pytestmark = pytest.mark.django_db


def test_fresh_database_has_exactly_the_french_groups():
    """The two editorial groups, and the members' group (no admin access) that reserved pages name."""
    assert sorted(Group.objects.values_list("name", flat=True)) == [
        "Collectivités adhérentes",
        "Modérateurs",
        "Rédacteurs",
    ]
    members = Group.objects.get(name="Collectivités adhérentes")
    assert not members.permissions.exists() and not members.collection_permissions.exists()


def test_the_whole_site_goes_through_the_moderators_workflow():
    assert list(Workflow.objects.values_list("name", "active")) == [("Validation par un modérateur", True)]
    workflow = Workflow.objects.get()
    root = Page.get_first_root_node()
    assert [wp.page_id for wp in workflow.workflow_pages.all()] == [root.pk]
    tasks = [task.specific for task in workflow.tasks]
    assert [task.name for task in tasks] == ["Approbation par un modérateur"]
    assert isinstance(tasks[0], GroupApprovalTask)
    assert list(tasks[0].groups.values_list("name", flat=True)) == ["Modérateurs"]


def test_group_page_permissions_keep_the_foundations_set():
    def codenames(group):
        return sorted(
            GroupPagePermission.objects.filter(group__name=group).values_list("permission__codename", flat=True)
        )

    assert codenames("Rédacteurs") == ["add_page", "change_page", "lock_page"]
    assert codenames("Modérateurs") == [
        "add_page",
        "bulk_delete_page",
        "change_page",
        "lock_page",
        "publish_page",
        "unlock_page",
    ]


def test_a_new_page_inherits_the_workflow(site_tree):
    assert site_tree["articles"].get_workflow().name == "Validation par un modérateur"
