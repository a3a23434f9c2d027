"""Listing facts read once per purge (pagecache.fragments.reused_until_purge): the years of the news
filter and the keys and count of a listing page, reused until something is published."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import ArticlePageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def news(site_tree):
    for day in (datetime.date(2024, 3, 1), datetime.date(2025, 6, 1)):
        ArticlePageFactory(parent=site_tree["articles"], date=day)
    return site_tree


def queries_of(client, url):
    """The page, and which of the two listing facts it read from the database."""
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    sql = [query["sql"] for query in queries.captured_queries]
    read = {
        "years": any("DISTINCT" in query and "datefield" in query for query in sql),
        "keys and count": any("SELECT COUNT(*) FROM (" in query for query in sql),
    }
    return response.content.decode(), sorted(name for name, found in read.items() if found)


def test_a_listing_reads_its_years_and_keys_once_until_a_publish(client, news, settings, commit):
    settings.FRAGMENT_CACHE = True
    first = client.get("/actualites/").content.decode()
    again, read = queries_of(client, "/actualites/")
    assert again == first and read == []
    assert "2 résultats" in first and '<option value="2023">' not in first

    commit(ArticlePageFactory, parent=news["articles"], title="Jumelage Lyon-Erevan", date=datetime.date(2023, 9, 1))
    after, read = queries_of(client, "/actualites/")
    assert read == ["keys and count", "years"]
    assert "3 résultats" in after and '<option value="2023">2023</option>' in after
    assert "Jumelage Lyon-Erevan" in after
    assert queries_of(client, "/actualites/") == (after, [])


def test_each_filter_and_page_has_its_own_keys(client, news, settings):
    settings.FRAGMENT_CACHE = True
    settings.ARTICLES_PER_PAGE = 1
    assert "2 résultats" in client.get("/actualites/").content.decode()
    filtered = client.get("/actualites/?annee=2024").content.decode()
    assert "1 résultat" in filtered and "2 résultats" not in filtered
    second_page = client.get("/actualites/?page=2").content.decode()
    first_page = client.get("/actualites/").content.decode()
    titles = [page.split('class="card__title">', 1)[1].split("</a>", 1)[0] for page in (first_page, second_page)]
    assert titles[0] != titles[1]
