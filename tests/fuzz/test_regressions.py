"""Each class of failure the fuzz suite found, pinned with its first failing request (or a shrunk one),
through the same harness: these run on every `make test`, whatever Hypothesis draws.

The closing note (issue 16) says where each class was fixed.
"""

import json
from html import unescape

import pytest
from django.contrib.auth.models import Group, User
from wagtail.models import Revision

from articles.models import ArticlePage
from core.blocks.stream import UNREADABLE_MESSAGE

from .harness import check, send
from .routes import by_name

pytestmark = pytest.mark.django_db

HUGE = "9" * 30


@pytest.fixture
def redacteur(client):
    user = User.objects.create_user("redacteur", "redacteur@example.org", "motdepasse-redacteur")
    user.groups.add(Group.objects.get(name="Rédacteurs"))
    client.force_login(user)
    return user


@pytest.mark.parametrize(
    ("route", "query"),
    [
        # 1. ?page= past the database's integers (SQLite "datatype mismatch" / integer overflow,
        #    PostgreSQL "bigint out of range"): core/pagination.py bounds the page number.
        ("articles", f"page={HUGE}"),
        ("agenda", f"page={HUGE}"),
        ("agenda-past", f"page={HUGE}"),
        ("resources", f"page={HUGE}"),
        ("search", f"q=eau&page={HUGE}"),
        ("articles", "page=9223372036854775807"),
        ("articles", "page=-9223372036854775809"),
        ("articles", "page=" + "9" * 5000),
        ("articles", "page=1.5"),
        ("articles", "page=%D9%A3"),  # Arabic-Indic digit: int() reads it, the page number does not
        # 2. Search syntax reaching the backend (SQLite FTS5 "syntax error" / "unterminated string"):
        #    core/search.py search_terms keeps only words.
        ("search", "q=%22unclosed"),
        ("search", "q=%26%7C%21%28%29%3A%2A%22"),
        ("search", "q=eau%22%3E%3Cx-fuzz%3E"),
        ("search", "q=NEAR%28a+b%29"),
        ("search", "q=a%2A+OR+b%2A"),
        ("search", "q=%00"),
        ("search", "q=%ED%A0%80"),  # a lone surrogate, percent-encoded: invalid UTF-8
    ],
)
def test_pinned_queries(client, fuzz_site, route, query):
    route = by_name(route)
    path = route.path.format(**fuzz_site["slugs"])
    response, queries = send(client, "GET", path, query)
    check(response, queries, content_type=route.content_type, max_queries=route.max_queries, where=f"{path}?{query}")
    assert response.status_code == 200


def test_a_sitemap_page_out_of_range_is_the_french_404(client, fuzz_site):
    """Django's sitemap view already answers 404 for ?p= out of range or not a number."""
    for query in (f"p={HUGE}", "p=-1", "p=1.5", "p=%00"):
        response, queries = send(client, "GET", "/sitemap-pages.xml", query)
        check(response, queries, where=query)
        assert response.status_code == 404
        assert "Page introuvable" in response.content.decode()


@pytest.mark.parametrize("method", ["POST", "PUT", "DELETE", "PATCH", "OPTIONS"])
@pytest.mark.parametrize("route", ["home", "articles", "articles-feed", "agenda-ical", "event-ical", "preview-link"])
def test_pages_and_feeds_answer_only_get_and_head(client, fuzz_site, route, method):
    """3. Wagtail served pages and their routes (feeds, iCalendar) whatever the method, with a 200:
    core/wagtail_hooks.py (pages) and editorial/views.py (preview links) answer 405."""
    path = by_name(route).path.format(**fuzz_site["slugs"])
    response, queries = send(client, method, path)
    check(response, queries, where=f"{method} {path}")
    assert response.status_code == 405
    assert response["Allow"] in ("GET, HEAD", "GET, HEAD, OPTIONS")


@pytest.mark.parametrize(
    "body",
    [
        {"body-count": "x"},  # int("x")
        {"body-count": "2", "body-0-type": "heading", "body-0-deleted": "", "body-0-order": "0"},  # keys missing
        {"body-count": "1", "body-0-type": "paragraph", "body-0-deleted": "", "body-0-order": "z", "body-0-value": "{"},
        {"body-count": "1", "body-0-type": "paragraph", "body-0-deleted": "", "body-0-order": "0", "body-0-value": "{"},
    ],
)
def test_an_unreadable_streamfield_post_is_a_french_message_and_nothing_is_saved(client, fuzz_site, redacteur, body):
    """4. Wagtail reads the posted StreamField with int() and data[key], rich text with json.loads: a
    rédacteur's hand-made or truncated POST was a 500. core/blocks/stream.py: a French message."""
    before = ArticlePage.objects.count(), Revision.objects.count()
    form = {"title": "Mission de coopération au Liban", "slug": "mission", "date": "2025-05-02", "kind": "actualite"}
    response = client.post(f"/admin/pages/add/articles/articlepage/{fuzz_site['articles'].pk}/", {**form, **body})
    assert response.status_code == 200
    html = unescape(response.content.decode())
    # Wagtail 8 draws the StreamField (and its errors) in the browser from JSON in a data attribute.
    assert json.dumps(UNREADABLE_MESSAGE)[1:-1] in html
    assert 'value="Mission de coopération au Liban"' in html  # the other fields keep what was typed
    assert (ArticlePage.objects.count(), Revision.objects.count()) == before


@pytest.mark.parametrize("key", ["9223372036854775808", "-9223372036854775809", "1" + "0" * 30])
def test_a_term_key_out_of_the_integer_range_is_an_invalid_choice(client, fuzz_site, redacteur, key):
    """5. Django fetches the chosen countries/themes with `pk__in=[…]`, which sends 2**63 as is: SQLite
    raised OverflowError, a 500 for the rédacteur. core/forms.py: the field's French "invalid choice"."""
    before = ArticlePage.objects.count(), Revision.objects.count()
    form = {"title": "Mission au Liban", "slug": "mission", "date": "2025-05-02", "kind": "actualite"}
    url = f"/admin/pages/add/articles/articlepage/{fuzz_site['articles'].pk}/"
    response = client.post(url, {**form, "countries": [key]})
    assert response.status_code == 200
    assert "n’est pas une valeur correcte" in unescape(response.content.decode())
    assert (ArticlePage.objects.count(), Revision.objects.count()) == before


@pytest.mark.parametrize("cookie", ["sessionid=abcdefgh\x00ij", "sessionid=" + "é" * 10, "sessionid=" + "a" * 5000])
def test_a_forged_session_cookie_is_no_session(client, fuzz_site, cookie):
    """6. A session cookie with a NUL byte reached PostgreSQL ("text fields cannot contain NUL"): a 500 on
    every page reading the session (the admin login). core/sessions.py: a key Django never makes is none."""
    response, queries = send(client, "GET", "/admin/login/", "", {"HTTP_COOKIE": cookie})
    check(response, queries, where=cookie)
    assert response.status_code == 200


@pytest.mark.parametrize("method", ["PUT", "DELETE", "PATCH"])
def test_the_registration_form_answers_only_its_own_methods(client, fuzz_site, method):
    """7. `DELETE /agenda/<slug>/inscription/` showed the form with a 200 (a plain Django view reads any
    method): registrations/views.py answers 405 outside GET, HEAD and POST."""
    response, queries = send(client, method, f"/agenda/{fuzz_site['slugs']['event']}/inscription/")
    check(response, queries, where=method)
    assert response.status_code == 405


@pytest.mark.parametrize(
    "path",
    [
        "/lettre/archives/",
        "/lettre/merci/",
        "/fonds-de-solidarite/{fund}/",
        "/fonds-de-solidarite/{fund}/promesse/merci/",
    ],
)
def test_the_read_only_routes_of_a_page_with_a_form_refuse_posts(client, fuzz_site, path):
    """9. The newsletter index and a fund accept POST for their forms, so `POST /lettre/archives/` (found by
    `make fuzz`) and `POST /fonds-de-solidarite/<slug>/` (found by CI's fuzz run) rendered with a 200: the
    routes that take a form say so with `@accepts_post` (core/methods.py), the others answer 405."""
    path = path.format(**fuzz_site["slugs"])
    response, queries = send(client, "POST", path)
    check(response, queries, where=path)
    assert response.status_code == 405
    assert response["Allow"] == "GET, HEAD"


@pytest.mark.parametrize(
    "path, message",
    [
        ("/lettre/", "Le formulaire contient des erreurs"),
        ("/fonds-de-solidarite/{fund}/promesse/", "La promesse n’a pas été envoyée"),
    ],
)
def test_the_forms_of_those_pages_still_take_posts(client, fuzz_site, path, message):
    """The other side of 9: an empty POST to the form is the form again with its French errors, not a 405."""
    path = path.format(**fuzz_site["slugs"])
    response, queries = send(client, "POST", path)
    check(response, queries, where=path)
    assert response.status_code in (200, 400)
    assert message in unescape(response.content.decode())
