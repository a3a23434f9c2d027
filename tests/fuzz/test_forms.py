"""Forms fuzzed with generated POSTs: no 5xx, no reflected markup, nothing saved half-way.

`fuzz_form(client, url, fields)` (harness.py) is the one line a new public form needs, e.g.
    fuzz_form(client, "/agenda/<slug>/inscription/", ["nom", "courriel", "collectivite"])
The public forms of today (listing filters, the search box) are GET forms: test_routes.py fuzzes
their parameters on every route.
"""

import pytest
from django.contrib.auth.models import Group, User
from wagtail.models import Revision

from articles.models import ArticlePage
from funds.pledges import Pledge
from registrations.models import Registration

from .harness import ERROR_CONTENT_TYPES, fuzz_form

pytestmark = pytest.mark.django_db

ARTICLE_FIELDS = [
    "title",
    "slug",
    "date",
    "kind",
    "place",
    "intro",
    "body",
    "body-count",
    "body-0-type",
    "body-0-value",
    "body-0-deleted",
    "body-0-order",
    "countries",
    "themes",
    "go_live_at",
    "expire_at",
    "action-submit",
]


@pytest.fixture
def redacteur(client):
    user = User.objects.create_user("redacteur", "redacteur@example.org", "motdepasse-redacteur")
    user.groups.add(Group.objects.get(name="Rédacteurs"))
    client.force_login(user)
    return user


def test_a_redacteur_saving_an_article_with_generated_values(client, fuzz_site, redacteur):
    add_url = f"/admin/pages/add/articles/articlepage/{fuzz_site['articles'].pk}/"
    before = {}

    def note(client):
        before["pages"] = ArticlePage.objects.count()
        before["revisions"] = Revision.objects.count()

    def nothing_half_saved(response):
        if response.status_code == 302:  # saved: a whole draft, with its revision
            assert ArticlePage.objects.count() == before["pages"] + 1, response["Location"]
            return
        assert response.status_code in (200, 400), response.status_code  # the form again, or JSON errors
        assert ArticlePage.objects.count() == before["pages"]
        assert Revision.objects.count() == before["revisions"]

    # Wagtail's editor answers a form posted with "Accept: application/json" (its autosave) in JSON.
    sent = fuzz_form(
        client,
        add_url,
        ARTICLE_FIELDS,
        before=note,
        after=nothing_half_saved,
        max_queries=200,
        error_types=(*ERROR_CONTENT_TYPES, "application/json"),
    )
    assert sent > 0


def test_the_admin_login_form_with_generated_values(client, fuzz_site):
    """The one form a visitor without an account can post to today (django-axes is off in tests)."""

    def no_open_redirect(response):
        if response.status_code == 302:
            location = response["Location"]
            assert location.startswith("/") and not location.startswith(("//", "/\\")), location

    sent = fuzz_form(
        client, "/admin/login/", ["username", "password", "next"], allowed_statuses=(200, 302), after=no_open_redirect
    )
    assert sent > 0


def test_the_pledge_form_with_generated_values(client, fuzz_site):
    """A council's pledge to a fund (funds/forms.py): saved whole (then the thanks page) or not at all."""
    before = {}

    def note(client):
        before["pledges"] = Pledge.objects.count()

    def saved_whole_or_not_at_all(response):
        if response.status_code != 302:
            assert Pledge.objects.count() == before["pledges"]

    url = f"/fonds-de-solidarite/{fuzz_site['slugs']['fund']}/promesse/"
    fields = ["collectivite", "collectivite_name", "contact_name", "email", "phone", "amount", "vote_date"]
    sent = fuzz_form(
        client,
        url,
        [*fields, "message", "consent", "site_web"],
        before=note,
        after=saved_whole_or_not_at_all,
        allowed_statuses=(200, 302, 400, 429),
    )
    assert sent > 0


def test_the_registration_form_with_generated_values(client, fuzz_site):
    """Registration to an event (registrations/forms.py): a French message or a registration, never half."""
    before = {}

    def note(client):
        before["registrations"] = Registration.objects.count()

    def saved_whole_or_not_at_all(response):
        if response.status_code != 302:
            assert Registration.objects.count() == before["registrations"]

    url = f"/agenda/{fuzz_site['slugs']['event']}/inscription/"
    fields = ["name", "email", "collectivite", "organisation", "function", "attendance", "accessibility", "consent",
              "site_web"]  # fmt: skip
    sent = fuzz_form(
        client, url, fields, before=note, after=saved_whole_or_not_at_all, allowed_statuses=(200, 302, 400, 429)
    )
    assert sent > 0
