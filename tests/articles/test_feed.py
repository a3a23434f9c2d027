import datetime

import feedparser
import pytest

from tests.factories import ArticlePageFactory, CountryFactory, ThemeFactory

pytestmark = pytest.mark.django_db


def test_rss_feed_lists_articles_newest_first_and_parses(client, site_tree):
    liban = CountryFactory(name="Liban", slug="liban")
    ArticlePageFactory(parent=site_tree["articles"], title="Ancien article", date=datetime.date(2024, 1, 5))
    ArticlePageFactory(
        parent=site_tree["articles"],
        title="Beyrouth & ses partenaires",
        date=datetime.date(2025, 6, 1),
        countries=[liban],
        intro="Les villes <françaises> s’engagent.",
    )
    ArticlePageFactory(parent=site_tree["articles"], title="Brouillon", live=False)

    response = client.get("/actualites/flux.xml")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.bozo_exception
    assert feed.version == "rss20"
    assert feed.feed.title == "Actualités – Cités Unies France"
    assert feed.feed.language == "fr"
    assert [entry.title for entry in feed.entries] == ["Beyrouth & ses partenaires", "Ancien article"]
    first = feed.entries[0]
    assert first.link == "http://testserver/actualites/beyrouth-ses-partenaires/"
    assert first.summary == "Les villes &lt;françaises&gt; s’engagent."
    assert first.published_parsed[:3] == (2025, 6, 1)
    assert "Liban" in [tag.term for tag in first.tags]


def test_rss_feed_applies_the_listing_filters_and_ignores_bad_ones(client, site_tree):
    liban = CountryFactory(name="Liban", slug="liban")
    eau = ThemeFactory(name="Eau", slug="eau")
    ArticlePageFactory(parent=site_tree["articles"], title="Au Liban", countries=[liban], themes=[eau])
    ArticlePageFactory(parent=site_tree["articles"], title="Ailleurs")

    filtered = feedparser.parse(client.get("/actualites/flux.xml", {"pays": "liban"}).content)
    assert [entry.title for entry in filtered.entries] == ["Au Liban"]

    bad = client.get("/actualites/flux.xml", {"pays": "<b>x</b>", "annee": "abc", "thematique": "eau"})
    assert bad.status_code == 200
    assert b"<b>x</b>" not in bad.content
    assert [entry.title for entry in feedparser.parse(bad.content).entries] == ["Au Liban"]


def test_listing_advertises_its_feed(client, site_tree):
    html = client.get("/actualites/", {"pays": "liban"}).content.decode()
    assert '<link rel="alternate" type="application/rss+xml"' in html
    assert 'href="/actualites/flux.xml?pays=liban"' in html
