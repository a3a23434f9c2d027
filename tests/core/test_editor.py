import pytest
from django.contrib.auth.models import Group, User
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from articles.models import ArticlePage
from tests.factories import CountryFactory, ThemeFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def redacteur(client):
    user = User.objects.create_user("redacteur", "redacteur@example.org", "motdepasse-redacteur")
    user.groups.add(Group.objects.get(name="Rédacteurs"))
    client.force_login(user)
    return user


def article_form(**overrides):
    data = {
        "title": "Mission de coopération au Liban",
        "slug": "mission-liban",
        "date": "2025-05-02",
        "kind": "actualite",
        "place": "à Beyrouth",
        "intro": "Une délégation de collectivités françaises s’est rendue au Liban.",
        "body": streamfield(
            [
                ("heading", {"text": "Le programme", "level": "h2"}),
                ("paragraph", rich_text("<p>Trois jours de rencontres avec les municipalités.</p>")),
                ("quote", {"quote": "Nous reconstruirons ensemble.", "author": "Un maire", "role": ""}),
            ]
        ),
    }
    data.update(overrides)
    return nested_form_data(data)


def test_redacteur_creates_a_draft_with_a_streamfield_body_and_previews_it(client, site_tree, redacteur):
    liban = CountryFactory(name="Liban")
    crises = ThemeFactory(name="Crises et réhabilitation")
    add_url = f"/admin/pages/add/articles/articlepage/{site_tree['articles'].pk}/"
    assert client.get(add_url).status_code == 200

    form = article_form()
    form["countries"] = [str(liban.pk)]
    form["themes"] = [str(crises.pk)]
    response = client.post(add_url, form)
    assert response.status_code == 302

    article = ArticlePage.objects.get(slug="mission-liban")
    assert not article.live
    draft = article.get_latest_revision_as_object()
    assert [block.block_type for block in draft.body] == ["heading", "paragraph", "quote"]
    assert list(draft.countries.all()) == [liban]

    preview_url = f"/admin/pages/{article.pk}/edit/preview/"
    assert client.post(preview_url, form).json()["is_valid"]
    preview = client.get(preview_url).content.decode()
    assert "Trois jours de rencontres avec les municipalités." in preview
    assert "Nous reconstruirons ensemble." in preview

    client.logout()
    assert client.get("/actualites/mission-liban/").status_code == 404


def test_invalid_article_shows_french_errors_and_keeps_what_was_typed(client, site_tree, redacteur):
    add_url = f"/admin/pages/add/articles/articlepage/{site_tree['articles'].pk}/"
    response = client.post(add_url, article_form(date="pas-une-date"))

    assert response.status_code == 200
    body = response.content.decode()
    assert "Saisissez une date valide." in body
    assert "Mission de coopération au Liban" in body
    assert not ArticlePage.objects.filter(slug="mission-liban").exists()


def test_redacteur_cannot_publish(client, site_tree, redacteur):
    add_url = f"/admin/pages/add/articles/articlepage/{site_tree['articles'].pk}/"
    form = article_form()
    form["action-publish"] = "action-publish"
    client.post(add_url, form)

    article = ArticlePage.objects.get(slug="mission-liban")
    assert not article.live


@pytest.mark.parametrize("empty", ["<p></p>", "<p> &nbsp; </p>", "<p><b></b></p>"])
def test_an_empty_paragraph_is_refused_with_a_french_message_and_nothing_typed_is_lost(
    client, site_tree, redacteur, empty
):
    add_url = f"/admin/pages/add/articles/articlepage/{site_tree['articles'].pk}/"
    form = article_form(body=streamfield([("paragraph", rich_text(empty))]), **{"action-submit": "Soumettre"})
    response = client.post(add_url, form)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Ce paragraphe est vide" in html
    assert "Mission de coopération au Liban" in html  # the title is shown back, not lost
    assert not ArticlePage.objects.filter(slug="mission-liban").exists()
