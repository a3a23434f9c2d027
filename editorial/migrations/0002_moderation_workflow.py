"""Replace Wagtail's English default moderation set-up with the French one.

Wagtail's own migrations create the groups "Editors" and "Moderators" and a workflow
"Moderators approval". core.0003 created "Rédacteurs" and "Modérateurs"; this migration
- creates the task "Approbation par un modérateur" (a GroupApprovalTask for "Modérateurs")
  and the workflow "Validation par un modérateur" made of it, assigned to the root page
  (so every page of every site goes through it);
- removes the English workflow, unless it already has moderation history (then it is only
  deactivated and unassigned, so no history is lost);
- removes the English groups, unless someone is a member (then they are left alone).
The French groups' permissions from core.0003 are kept as they are.
"""

from django.db import migrations

WORKFLOW = "Validation par un modérateur"
TASK = "Approbation par un modérateur"
MODERATORS = "Modérateurs"
ENGLISH_GROUPS = ["Editors", "Moderators"]
ENGLISH_WORKFLOW = "Moderators approval"


def set_up_french_workflow(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Group = apps.get_model("auth", "Group")
    Page = apps.get_model("wagtailcore", "Page")
    Task = apps.get_model("wagtailcore", "Task")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    WorkflowState = apps.get_model("wagtailcore", "WorkflowState")
    TaskState = apps.get_model("wagtailcore", "TaskState")

    root = Page.objects.get(depth=1)

    # 1. The English workflow and its tasks.
    for workflow in Workflow.objects.filter(name=ENGLISH_WORKFLOW):
        task_ids = list(WorkflowTask.objects.filter(workflow=workflow).values_list("task_id", flat=True))
        if WorkflowState.objects.filter(workflow=workflow).exists():
            WorkflowPage.objects.filter(workflow=workflow).delete()
            Workflow.objects.filter(pk=workflow.pk).update(active=False)
            Task.objects.filter(pk__in=task_ids).update(active=False)
            continue
        workflow.delete()
        for task in Task.objects.filter(pk__in=task_ids, name=ENGLISH_WORKFLOW):
            if not TaskState.objects.filter(task=task).exists() and not WorkflowTask.objects.filter(task=task).exists():
                task.delete()

    # 2. The English groups, when nobody belongs to them.
    for group in Group.objects.filter(name__in=ENGLISH_GROUPS):
        if not group.user_set.exists():
            group.delete()

    # 3. The French task and workflow, assigned to the root page.
    task_type = ContentType.objects.get_for_model(GroupApprovalTask)
    task = GroupApprovalTask.objects.filter(name=TASK).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=TASK, content_type=task_type, active=True)
    task.groups.add(Group.objects.get(name=MODERATORS))

    workflow, _ = Workflow.objects.get_or_create(name=WORKFLOW, defaults={"active": True})
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    WorkflowPage.objects.update_or_create(page=root, defaults={"workflow": workflow})


def remove_french_workflow(apps, schema_editor):
    Workflow = apps.get_model("wagtailcore", "Workflow")
    Task = apps.get_model("wagtailcore", "Task")
    Workflow.objects.filter(name=WORKFLOW).delete()
    Task.objects.filter(name=TASK).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("editorial", "0001_initial"),
        ("core", "0003_editorial_groups"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailadmin", "0006_formstate"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailmedia", "0005_alter_media_options"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(set_up_french_workflow, remove_french_workflow)]
