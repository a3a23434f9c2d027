import re

import pytest
from django.db import connection
from wagtail.models import PageViewRestriction

from tests.factories import (
    ArticlePageFactory,
    EventPageFactory,
    ResourcePageFactory,
    StandardPageFactory,
)

pytestmark = pytest.mark.django_db


def found(client, query, **params):
    response = client.get("/recherche/", {"q": query, **params})
    assert response.status_code == 200
    return [page.title for page in response.context["results"]]


def test_search_finds_articles_events_resources_and_pages(client, site_tree):
    ArticlePageFactory(parent=site_tree["articles"], title="Solidarité avec le Liban")
    EventPageFactory(parent=site_tree["agenda"], title="Réunion solidarité Liban")
    ResourcePageFactory(parent=site_tree["resources"], title="Guide solidarité")
    StandardPageFactory(parent=site_tree["home"], title="Fonds de solidarité")
    ArticlePageFactory(parent=site_tree["articles"], title="Sans rapport")

    assert set(found(client, "solidarité")) == {
        "Solidarité avec le Liban",
        "Réunion solidarité Liban",
        "Guide solidarité",
        "Fonds de solidarité",
    }


def test_search_ranks_title_matches_first_and_paginates(client, site_tree):
    for number in range(11):
        ArticlePageFactory(
            parent=site_tree["articles"],
            title=f"Article {number}",
            intro="Un point sur le jumelage et bien d’autres sujets du réseau.",
        )
    ArticlePageFactory(parent=site_tree["articles"], title="Jumelage Lyon – Beyrouth", intro="Le jumelage se renforce.")

    first_page = client.get("/recherche/", {"q": "jumelage"})
    titles = [page.title for page in first_page.context["results"]]
    assert titles[0] == "Jumelage Lyon – Beyrouth"
    assert len(titles) == 10
    html = first_page.content.decode()
    assert "12 résultats pour « jumelage »" in html
    assert 'href="?q=jumelage&amp;page=2"' in html
    assert len(found(client, "jumelage", page="2")) == 2


def test_a_word_in_most_pages_is_ranked_among_its_most_recent_matches(client, site_tree, monkeypatch):
    """core.search.ranked_search: past MAX_RANKED matches, only the most recently published are ranked,
    best first; the visitor is told how many pages match and which ones are ranked."""
    import datetime

    from django.utils import timezone

    from core import search

    monkeypatch.setattr(search, "MAX_RANKED", 4)
    monkeypatch.setattr("core.views.MAX_RANKED", 4)
    now = timezone.now()
    for number in range(6):
        page = ArticlePageFactory(parent=site_tree["articles"], title=f"Note {number}", intro="Un jumelage.")
        page.last_published_at = now - datetime.timedelta(days=10 - number)  # Note 5 is the most recent
        page.save(update_fields=["last_published_at"])
    old = ArticlePageFactory(parent=site_tree["articles"], title="Jumelage ancien", intro="Jumelage, jumelage.")
    old.last_published_at = now - datetime.timedelta(days=365)
    old.save(update_fields=["last_published_at"])
    recent = ArticlePageFactory(parent=site_tree["articles"], title="Jumelage récent", intro="Jumelage, jumelage.")

    response = client.get("/recherche/", {"q": "jumelage"})
    titles = [page.title for page in response.context["results"]]
    assert titles[0] == "Jumelage récent"  # ranked first among the four most recent
    assert set(titles) == {"Jumelage récent", "Note 5", "Note 4", "Note 3"}
    html = " ".join(response.content.decode().split())
    assert "Plus de 4 résultats pour « jumelage » : les 4 plus récents, classés par pertinence." in html
    assert recent.url in html and old.url not in html


def test_french_search_ignores_accents_and_plural_forms(client, site_tree):
    ArticlePageFactory(parent=site_tree["articles"], title="Les coopérations franco-libanaises", intro="Bilan.")
    ArticlePageFactory(parent=site_tree["articles"], title="Agriculture urbaine", intro="Des jardins.")

    # Accents never matter, on PostgreSQL (unaccent) and SQLite (FTS5 removes diacritics).
    assert found(client, "cooperations") == ["Les coopérations franco-libanaises"]
    assert found(client, "COOPÉRATIONS") == ["Les coopérations franco-libanaises"]
    if connection.vendor == "postgresql":
        # The French stemmer: the singular finds the plural, with or without accents.
        assert found(client, "coopération") == ["Les coopérations franco-libanaises"]
        assert found(client, "cooperation") == ["Les coopérations franco-libanaises"]
        assert found(client, "jardin") == ["Agriculture urbaine"]


def test_drafts_and_private_pages_are_not_found(client, site_tree):
    ArticlePageFactory(parent=site_tree["articles"], title="Brouillon sur le climat", live=False)
    private = StandardPageFactory(parent=site_tree["home"], title="Note interne climat")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    ArticlePageFactory(parent=site_tree["articles"], title="Plan climat des villes")

    assert found(client, "climat") == ["Plan climat des villes"]


def test_excerpt_is_escaped_then_highlighted(client, site_tree):
    ArticlePageFactory(
        parent=site_tree["articles"],
        title="Fonds de solidarité",
        intro="Un <b>fonds</b> de solidarité & d’urgence pour les collectivités.",
    )
    html = client.get("/recherche/", {"q": "solidarite"}).content.decode()
    assert "Un &lt;b&gt;fonds&lt;/b&gt; de <mark>solidarité</mark> &amp; d’urgence" in html
    assert "Fonds de <mark>solidarité</mark>" in html


@pytest.mark.parametrize(
    "query",
    [
        "x" * 10_000,
        "'; DROP TABLE wagtailcore_page; --",
        "<script>alert('q')</script>",
        '" OR 1=1 "',
        "NEAR(a b) AND * OR (",
        "-climat +eau ~",
        "%00\x00",
        "   ",
    ],
)
def test_hostile_queries_answer_200_escaped(client, site_tree, query):
    ArticlePageFactory(parent=site_tree["articles"], title="Plan climat")
    response = client.get("/recherche/", {"q": query})
    assert response.status_code == 200
    html = response.content.decode()
    assert "<script>alert('q')</script>" not in html
    assert "x" * 201 not in html


def test_long_query_is_truncated_with_a_message(client, site_tree):
    html = client.get("/recherche/", {"q": "climat " * 2000}).content.decode()
    assert "seuls ses 200 premiers caractères ont été utilisés" in html


def test_empty_search_shows_the_form_only(client, site_tree):
    response = client.get("/recherche/")
    assert response.status_code == 200
    html = response.content.decode()
    assert '<input id="recherche-q" type="search" name="q"' in html
    assert "résultat" not in html


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the expression index exists on PostgreSQL only")
def test_the_search_match_is_served_by_an_index(client, site_tree):
    """The search's `(title || body) @@ query` filter can use an index (core migration 0005)."""
    from django.test.utils import CaptureQueriesContext

    ArticlePageFactory(parent=site_tree["articles"], title="Solidarité avec le Liban")
    with CaptureQueriesContext(connection) as queries:
        assert found(client, "solidarité") == ["Solidarité avec le Liban"]
    sql = next(query["sql"] for query in queries.captured_queries if "@@" in query["sql"])
    match = re.search(
        r'\("wagtailsearch_indexentry"\."title" \|\| "wagtailsearch_indexentry"\."body"\) @@ \(.*?\)\)', sql
    )
    assert match, sql  # the expression modelsearch filters on, which the index is built on
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")  # a tiny table is scanned otherwise
        cursor.execute(f"EXPLAIN SELECT id FROM wagtailsearch_indexentry WHERE {match.group(0)}")  # noqa: S608
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert "cuf_search_title_body_gin" in plan, plan
