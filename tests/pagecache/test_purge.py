"""Every way content changes purges the cached pages before the next request (one test per path).

Each test caches the affected URLs as a visitor, changes content the way an editor, the scheduler
or code does (running the after-commit callbacks, as a real transaction would), then requests the
URLs again: they show the change. They run on Redis and on the file cache, and on PostgreSQL when
DATABASE_URL names it.
"""

import datetime

import pytest
from django.contrib.auth.models import Group, User
from django.core.management import call_command
from django.utils import timezone
from wagtail.documents import get_document_model
from wagtail.models import GroupApprovalTask, Revision, Workflow, WorkflowPage, WorkflowTask
from wagtailmedia.models import get_media_model

from core.models import NavigationSettings, SiteSettings
from tests.core.test_editor import article_form
from tests.factories import ArticlePageFactory, CountryFactory, ImageFactory, StandardPageFactory, ThemeFactory

pytestmark = pytest.mark.django_db


def visit(client, *urls):
    """Cache the URLs as a visitor would, and check they are now served from the cache."""
    for url in urls:
        client.get(url)
        assert client.get(url)["X-Page-Cache"] == "hit", url


def text(client, url):
    response = client.get(url)
    return response.status_code, response.content.decode()


@pytest.fixture
def article(site_tree):
    return ArticlePageFactory(parent=site_tree["articles"], title="Ancien titre", slug="mission")


@pytest.fixture
def admin_user(db):
    return User.objects.create_superuser("admin", "admin@example.org", "motdepasse-admin")


def test_publish_from_code(client, site_tree, article, page_cache, commit):
    visit(client, "/", "/actualites/", article.url)
    article.title = "Nouveau titre"
    commit(lambda: article.save_revision().publish())
    for url in ("/actualites/", article.url):
        assert "Nouveau titre" in text(client, url)[1], url
    assert client.get("/")["X-Page-Cache"] == "miss"  # the homepage too


def test_publish_from_the_admin(client, site_tree, article, page_cache, admin_user, commit):
    visit(client, "/actualites/", article.url)
    editor = client.__class__()
    editor.force_login(admin_user)
    form = article_form(title="Titre publié depuis l’admin", slug="mission")
    form["action-publish"] = "action-publish"
    response = commit(editor.post, f"/admin/pages/{article.pk}/edit/", form)
    assert response.status_code == 302
    for url in ("/actualites/", article.url):
        assert "Titre publié depuis l’admin" in text(client, url)[1], url


def test_workflow_approval(client, site_tree, article, page_cache, admin_user, commit):
    moderators = Group.objects.get(name="Modérateurs")
    workflow = Workflow.objects.create(name="Validation par un modérateur (test)")
    task = GroupApprovalTask.objects.create(name="Modération")
    task.groups.set([moderators])
    WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    WorkflowPage.objects.update_or_create(page=site_tree["home"], defaults={"workflow": workflow})
    visit(client, "/actualites/", article.url)

    redacteur = User.objects.create_user("redacteur", "redacteur@example.org", "motdepasse-redacteur")
    redacteur.groups.add(Group.objects.get(name="Rédacteurs"))
    article.title = "Titre approuvé"
    article.save_revision(user=redacteur)
    state = workflow.start(article, redacteur)
    assert "Titre approuvé" not in text(client, article.url)[1]  # submitted is not published
    commit(state.current_task_state.specific.approve, user=admin_user)
    for url in ("/actualites/", article.url):
        assert "Titre approuvé" in text(client, url)[1], url


def test_scheduled_go_live(client, site_tree, page_cache, commit):
    page = ArticlePageFactory(parent=site_tree["articles"], title="Article programmé", live=False)
    page.go_live_at = timezone.now() + datetime.timedelta(hours=1)
    page.save_revision().publish()
    visit(client, "/actualites/")
    assert "Article programmé" not in text(client, "/actualites/")[1]

    # The go-live date passes.
    past = timezone.now() - datetime.timedelta(minutes=1)
    revision = Revision.objects.get(approved_go_live_at__isnull=False, object_id=str(page.pk))
    revision.content["go_live_at"] = past.isoformat()
    revision.approved_go_live_at = past
    revision.save()
    commit(call_command, "publish_scheduled")
    assert "Article programmé" in text(client, "/actualites/")[1]
    assert text(client, page.url)[0] == 200


def test_scheduled_expiry(client, site_tree, article, page_cache, commit):
    visit(client, "/actualites/", article.url)
    type(article).objects.filter(pk=article.pk).update(expire_at=timezone.now() - datetime.timedelta(minutes=1))
    commit(call_command, "publish_scheduled")
    assert "Ancien titre" not in text(client, "/actualites/")[1]
    assert text(client, article.url)[0] == 404


def test_an_event_ending_purges_the_pages_that_list_it(client, site_tree, page_cache, settings):
    """Nothing is saved when an event ends: the scheduler's step notices it and purges."""
    import time_machine

    from editorial.scheduler import publish_scheduled_step
    from tests.factories import EventPageFactory

    settings.PAGE_CACHE_TIMEOUT = 3600  # the entries must not simply expire while time moves on
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        EventPageFactory(
            parent=site_tree["agenda"],
            title="Atelier sur l’eau",
            start=start - datetime.timedelta(hours=1),
            end=start + datetime.timedelta(minutes=10),
        )
        assert publish_scheduled_step()["clock_purge"] is False
        visit(client, "/", "/agenda/", "/agenda/passes/")
        assert "Atelier sur l’eau" in text(client, "/agenda/")[1]

    with time_machine.travel(start + datetime.timedelta(minutes=5), tick=False):  # still running
        assert publish_scheduled_step()["clock_purge"] is False
        assert client.get("/agenda/")["X-Page-Cache"] == "hit"

    with time_machine.travel(start + datetime.timedelta(minutes=11), tick=False):  # it has ended
        assert publish_scheduled_step()["clock_purge"] is True
        assert "Atelier sur l’eau" not in text(client, "/agenda/")[1]
        assert "Atelier sur l’eau" not in text(client, "/")[1]
        assert "Atelier sur l’eau" in text(client, "/agenda/passes/")[1]
        assert publish_scheduled_step()["clock_purge"] is False  # once, not at every step


def test_unpublish(client, site_tree, article, page_cache, commit):
    visit(client, "/", "/actualites/", article.url)
    commit(article.unpublish)
    assert "Ancien titre" not in text(client, "/actualites/")[1]
    assert client.get("/")["X-Page-Cache"] == "miss"
    assert text(client, article.url)[0] == 404


def test_move(client, site_tree, page_cache, commit):
    about = StandardPageFactory(parent=site_tree["home"], title="Qui sommes-nous ?", slug="qui-sommes-nous")
    team = StandardPageFactory(parent=site_tree["home"], title="L’équipe", slug="equipe")
    visit(client, "/equipe/")
    commit(team.move, about, pos="last-child")
    response = client.get("/equipe/")
    assert response.status_code == 301  # Wagtail's automatic redirect, not the cached page
    assert response["Location"].endswith("/qui-sommes-nous/equipe/")
    assert text(client, "/qui-sommes-nous/equipe/")[0] == 200


def test_delete(client, site_tree, article, page_cache, commit):
    visit(client, "/", "/actualites/", article.url)
    commit(article.delete)
    assert "Ancien titre" not in text(client, "/actualites/")[1]
    assert text(client, "/actualites/mission/")[0] == 404


def test_copy(client, site_tree, article, page_cache, commit):
    visit(client, "/actualites/")
    commit(article.copy, update_attrs={"title": "Copie de la mission", "slug": "copie-mission"}, keep_live=True)
    assert "Copie de la mission" in text(client, "/actualites/")[1]


@pytest.mark.parametrize("factory", [CountryFactory, ThemeFactory])
def test_snippet_rename(client, site_tree, page_cache, commit, factory):
    term = factory(name="Liban")
    page = ArticlePageFactory(
        parent=site_tree["articles"],
        title="Mission",
        **{"countries" if factory is CountryFactory else "themes": [term]},
    )
    visit(client, page.url, "/actualites/")
    term.name = "République libanaise"
    commit(term.save)
    assert "République libanaise" in text(client, page.url)[1]


def test_snippet_delete(client, site_tree, page_cache, commit):
    theme = ThemeFactory(name="Eau et assainissement")
    page = ArticlePageFactory(parent=site_tree["articles"], title="Mission", themes=[theme])
    visit(client, page.url)
    commit(theme.delete)
    assert "Eau et assainissement" not in text(client, page.url)[1]


def test_image_edit(client, site_tree, page_cache, commit):
    image = ImageFactory(description="Ancienne description", credit="Ancien crédit")
    page = ArticlePageFactory(parent=site_tree["articles"], title="Mission", cover=image)
    visit(client, page.url)
    image.credit = "Nouveau crédit"
    commit(image.save)
    assert "Nouveau crédit" in text(client, page.url)[1]


@pytest.mark.parametrize("model_getter", [get_document_model, get_media_model])
def test_document_and_media_changes_purge(client, site_tree, page_cache, commit, model_getter):
    from django.core.files.base import ContentFile

    visit(client, "/centre-de-ressources/")
    model = model_getter()
    extra = {"type": "audio"} if model is get_media_model() else {}
    commit(model.objects.create, title="Rapport", file=ContentFile(b"x", name="rapport.pdf"), **extra)
    assert client.get("/centre-de-ressources/")["X-Page-Cache"] == "miss"


def test_site_settings(client, site_tree, page_cache, commit):
    visit(client, "/", "/actualites/")
    site_settings = SiteSettings.for_site(site_tree["home"].get_site())
    site_settings.tagline = "La coopération décentralisée en actes"
    commit(site_settings.save)
    for url in ("/", "/actualites/"):
        assert "La coopération décentralisée en actes" in text(client, url)[1], url


def test_purge_command(client, site_tree, page_cache):
    visit(client, "/")
    call_command("purge_page_cache")
    assert client.get("/")["X-Page-Cache"] == "miss"


def test_first_visit_creating_default_settings_keeps_its_page(client, site_tree, page_cache, commit):
    """On a new site the first request creates the settings row; the page it stored stays valid."""
    SiteSettings.objects.all().delete()
    assert commit(client.get, "/")["X-Page-Cache"] == "miss"
    assert SiteSettings.objects.exists()
    assert client.get("/")["X-Page-Cache"] == "hit"


def test_menus_and_footer(client, site_tree, page_cache, commit):
    visit(client, "/", "/actualites/")
    navigation = NavigationSettings.for_site(site_tree["home"].get_site())
    navigation.footer_links = [{"type": "link", "value": {"page": None, "url": "/pays/", "label": "Tous les pays"}}]
    commit(navigation.save)
    for url in ("/", "/actualites/"):
        assert '<a href="/pays/">Tous les pays</a>' in text(client, url)[1], url
