"""A Rédacteur can never publish, unpublish, delete a live page or change the workflow, by any route."""

import pytest
from wagtail.models import Page, Workflow

from articles.models import ArticlePage
from tests.editorial.conftest import article_form, edit, outcome, workflow_action
from tests.factories import ArticlePageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def redacteur(clients):
    return clients["redacteur"]


@pytest.fixture
def draft(site_tree, people):
    page = ArticlePageFactory(parent=site_tree["articles"], title="Brouillon du rédacteur", live=False)
    Page.objects.filter(pk=page.pk).update(owner=people["redacteur"])
    return page


@pytest.fixture
def live(site_tree):
    return ArticlePageFactory(parent=site_tree["articles"], title="Article en ligne")


def is_live(page):
    return Page.objects.get(pk=page.pk).live


def test_publish_button_on_the_add_view(redacteur, site_tree):
    add_url = f"/admin/pages/add/articles/articlepage/{site_tree['articles'].pk}/"
    form = article_form(ArticlePageFactory.build(title="Nouvel article", slug="nouvel-article"))
    form["action-publish"] = "action-publish"
    redacteur.post(add_url, form)
    assert not ArticlePage.objects.get(slug="nouvel-article").live


def test_publish_button_on_the_edit_view(redacteur, draft):
    edit(redacteur, draft, "action-publish")
    assert not is_live(draft)


def test_bulk_publish(redacteur, draft):
    response = redacteur.post(f"/admin/bulk/wagtailcore/page/publish/?id={draft.pk}", {"include_descendants": ""})
    assert response.status_code in (200, 302, 403)
    assert not is_live(draft)


def test_bulk_unpublish_and_delete(redacteur, live):
    redacteur.post(f"/admin/bulk/wagtailcore/page/unpublish/?id={live.pk}")
    assert is_live(live)
    redacteur.post(f"/admin/bulk/wagtailcore/page/delete/?id={live.pk}")
    assert Page.objects.filter(pk=live.pk).exists()


def test_revert_to_a_revision_and_publish(redacteur, draft):
    revision = draft.get_latest_revision()
    form = article_form(draft)
    form["action-publish"] = "action-publish"
    redacteur.post(f"/admin/pages/{draft.pk}/revisions/{revision.pk}/revert/", form)
    assert not is_live(draft)


def test_copy_with_publish_copies(redacteur, live):
    redacteur.post(
        f"/admin/pages/{live.pk}/copy/",
        {"new_title": "Copie", "new_slug": "copie", "new_parent_page": live.get_parent().pk, "publish_copies": "on"},
    )
    assert not Page.objects.filter(slug="copie", live=True).exists()


def test_alias_of_a_live_page(redacteur, live):
    redacteur.post(
        f"/admin/pages/{live.pk}/copy/",
        {"new_title": "Alias", "new_slug": "alias", "new_parent_page": live.get_parent().pk, "alias": "on"},
    )
    assert not Page.objects.filter(alias_of=live).exists()
    assert not Page.objects.filter(slug="alias", live=True).exists()


def test_approving_ones_own_submission(redacteur, draft):
    edit(redacteur, draft, "action-submit")
    assert outcome(workflow_action(redacteur, draft, "approve", comment="")) == "refusé"
    assert not is_live(draft)


def test_unschedule_and_privacy_need_publish_permission(redacteur, live):
    revision = live.get_latest_revision()
    assert outcome(redacteur.post(f"/admin/pages/{live.pk}/revisions/{revision.pk}/unschedule/")) == "refusé"
    assert outcome(redacteur.post(f"/admin/pages/{live.pk}/privacy/", {"restriction_type": "login"})) == "refusé"
    assert not live.get_view_restrictions().exists()


def test_reordering_live_pages_needs_publish_permission(redacteur, live):
    response = redacteur.post(f"/admin/pages/{live.pk}/set_position/?position=0")
    assert outcome(response) == "refusé"


def test_workflows_cannot_be_changed(redacteur, site_tree):
    workflow = Workflow.objects.get()
    listing = redacteur.get("/admin/workflows/list/")
    assert outcome(listing) == "refusé"
    redacteur.post(f"/admin/workflows/disable/{workflow.pk}/")
    redacteur.post("/admin/workflows/add/", {"name": "Pas de validation"})
    assert list(Workflow.objects.values_list("name", "active")) == [("Validation par un modérateur", True)]
    assert site_tree["articles"].get_workflow() == workflow


def test_no_content_api_is_exposed(client, redacteur, live):
    for url in ("/api/v2/pages/", f"/api/v2/pages/{live.pk}/"):
        assert redacteur.post(url, {"live": "true"}).status_code == 404
        assert client.get(url).status_code == 404
