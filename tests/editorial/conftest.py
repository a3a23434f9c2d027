"""People of the editorial process and what they do, through the real admin URLs."""

import pytest
from django.contrib.auth.models import Group, User
from django.test import Client
from wagtail.models import Page
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

ROLES = ["anonyme", "redacteur", "moderateur", "admin"]


def make_user(username, group=None, superuser=False):
    user = User.objects.create_user(
        username, f"{username}@example.org", "motdepasse", is_staff=True, is_superuser=superuser
    )
    if group:
        user.groups.add(Group.objects.get(name=group))
    return user


@pytest.fixture
def people(db):
    return {
        "anonyme": None,
        "redacteur": make_user("redacteur", "Rédacteurs"),
        "moderateur": make_user("moderateur", "Modérateurs"),
        "admin": make_user("admin", superuser=True),
    }


@pytest.fixture
def clients(people):
    result = {}
    for role, user in people.items():
        client = Client()
        if user is not None:
            client.force_login(user)
        result[role] = client
    return result


def outcome(response):
    """What the person sees: "login" (sent to the login page), "refusé" (Wagtail's permission-denied
    redirect to the dashboard), or the HTTP status."""
    location = response.get("Location", "")
    if response.status_code == 302 and location.startswith("/admin/login/"):
        return "login"
    if response.status_code == 302 and location == "/admin/":
        return "refusé"
    if response.status_code == 403:
        return "refusé"
    return response.status_code


def article_form(page, **overrides):
    """The edit form of an article as the admin would post it, with the page's current values."""
    page = page.get_latest_revision_as_object() if page.pk else page
    data = {
        "title": page.title,
        "slug": page.slug,
        "date": page.date.isoformat(),
        "kind": page.kind,
        "place": page.place,
        "intro": page.intro,
        "body": streamfield([("paragraph", rich_text("<p>Un paragraphe du brouillon.</p>"))]),
        "go_live_at": "",
        "expire_at": "",
    }
    data.update(overrides)
    return nested_form_data(data)


def edit(client, page, action=None, **overrides):
    form = article_form(page, **overrides)
    if action:
        form[action] = action
    return client.post(f"/admin/pages/{page.pk}/edit/", form)


def current_task_state(page):
    page = Page.objects.get(pk=page.pk)
    state = page.current_workflow_state
    return state.current_task_state if state else None


def workflow_action(client, page, action, **data):
    task_state = current_task_state(page)
    url = f"/admin/pages/workflow/action/{page.pk}/{action}/{task_state.pk}/"
    return client.post(url, data)
