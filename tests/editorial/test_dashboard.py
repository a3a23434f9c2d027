"""The admin dashboard of each role (editorial/dashboard.py) and the CUF branding of the admin."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.editorial.conftest import edit, workflow_action
from tests.factories import ArticlePageFactory

pytestmark = pytest.mark.django_db


def panel(html, heading):
    """The text of the dashboard panel titled `heading` ("" when the panel is not shown)."""
    match = re.search(rf">\s*{re.escape(heading)}\s*<.*?</section>", html, re.S)
    return match.group(0) if match else ""


def dashboard(client):
    response = client.get("/admin/")
    assert response.status_code == 200
    return response.content.decode()


def draft_by(people, parent, title, **fields):
    page = ArticlePageFactory(parent=parent, title=title, live=False, **fields)
    page.owner = people["redacteur"]
    page.save(update_fields=["owner"])
    page.save_revision(user=people["redacteur"])
    return page


def test_the_redacteur_starts_an_actualite_an_event_or_a_resource_under_its_index(clients, site_tree):
    html = dashboard(clients["redacteur"])
    create = panel(html, "Créer")
    assert f'href="/admin/pages/add/articles/articlepage/{site_tree["articles"].pk}/"' in create
    assert f'href="/admin/pages/add/events/eventpage/{site_tree["agenda"].pk}/"' in create
    assert f'href="/admin/pages/add/resources/resourcepage/{site_tree["resources"].pk}/"' in create
    assert "Nouvelle actualité" in create and "Nouvel événement" in create and "Nouvelle ressource" in create


def test_the_create_buttons_open_an_actualite_dated_today(clients, site_tree):
    response = clients["redacteur"].get(f"/admin/pages/add/articles/articlepage/{site_tree['articles'].pk}/")
    html = response.content.decode()
    assert response.status_code == 200
    assert re.search(r'<option value="actualite" selected>', html)


def test_drafts_moderation_and_the_reviewers_comment(clients, people, site_tree):
    articles = site_tree["articles"]
    draft = draft_by(people, articles, "Brouillon du rédacteur")
    waiting = draft_by(people, articles, "Article en attente")
    sent_back = draft_by(people, articles, "Article à corriger")
    ArticlePageFactory(parent=articles, title="Article publié sans brouillon")
    for page in (waiting, sent_back):
        edit(clients["redacteur"], page, "action-submit")
    workflow_action(clients["moderateur"], sent_back, "reject", comment="Ajoutez la date de la rencontre.")

    html = dashboard(clients["redacteur"])
    drafts, moderation = panel(html, "Mes brouillons"), panel(html, "Mes pages en relecture")
    assert "Brouillon du rédacteur" in drafts and f"/admin/pages/{draft.pk}/edit/" in drafts
    assert "Article en attente" not in drafts and "Article publié sans brouillon" not in drafts
    assert "Article en attente" in moderation and "En attente de relecture" in moderation
    assert "Article à corriger" in moderation
    assert "Modifications demandées" in moderation and "« Ajoutez la date de la rencontre. »" in moderation

    moderator_html = dashboard(clients["moderateur"])
    assert "Article en attente" in moderator_html, "awaiting the moderator's review"
    assert "Mes pages en relecture" not in moderator_html, "the moderator submitted nothing"


def test_recently_published_links_to_the_public_page(clients, site_tree):
    page = ArticlePageFactory(parent=site_tree["articles"], title="Assises de la coopération", slug="assises")
    published = panel(dashboard(clients["redacteur"]), "Publié récemment")
    assert '<a href="/actualites/assises/">Assises de la coopération</a>' in published
    assert page.title in published


def test_the_dashboard_costs_the_same_for_few_and_many_rows(clients, people, site_tree):
    def count():
        with CaptureQueriesContext(connection) as queries:
            dashboard(clients["redacteur"])
        return len(queries)

    for n in range(2):
        page = draft_by(people, site_tree["articles"], f"Brouillon {n}")
        ArticlePageFactory(parent=site_tree["articles"], title=f"Publié {n}")
        if n == 0:
            edit(clients["redacteur"], page, "action-submit")
    dashboard(clients["redacteur"])
    few = count()
    for n in range(2, 12):
        page = draft_by(people, site_tree["articles"], f"Brouillon {n}")
        ArticlePageFactory(parent=site_tree["articles"], title=f"Publié {n}")
        if n % 2:
            edit(clients["redacteur"], page, "action-submit")
    many = count()
    assert few == many, (few, many)


def test_the_admin_carries_cuf_name_and_logo(client, clients):
    login = client.get("/admin/login/").content.decode()
    assert "Administration du site de Cités Unies France" in login
    assert "/static/img/favicon.svg" in login
    assert "<title>S'identifier - Cités Unies France</title>" in login
    html = dashboard(clients["redacteur"])
    assert 'class="cuf-admin-logo"' in html and 'alt="Cités Unies France"' in html
    assert "css/admin.css" in html
