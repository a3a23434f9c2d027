"""Cards rendered once per version of what they show (core/templatetags/card_tags.py)."""

import pytest

from pagecache.purge import purge_all
from tests.factories import ArticlePageFactory, CountryFactory, ImageFactory, ThemeFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def news(site_tree):
    palestine = CountryFactory(name="Palestine")
    crises = ThemeFactory(name="Crises et réhabilitation")
    cover = ImageFactory(title="Gaza", description="Une école reconstruite à Gaza")
    first = ArticlePageFactory(parent=site_tree["articles"], title="Fonds de solidarité pour Gaza", cover=cover)
    first.countries.set([palestine])
    first.themes.set([crises])
    first.save_revision().publish()
    second = ArticlePageFactory(parent=site_tree["articles"], title="Assises de la coopération franco-japonaise")
    return {"first": first, "second": second, "palestine": palestine, "cover": cover}


def card_renders(response):
    return sum(template.name == "includes/card.html" for template in response.templates)


def test_cards_are_the_same_with_and_without_the_fragment_cache(client, news, settings):
    settings.FRAGMENT_CACHE = False
    plain = client.get("/actualites/").content
    settings.FRAGMENT_CACHE = True
    assert client.get("/actualites/").content == plain
    assert client.get("/actualites/").content == plain
    assert plain.count(b'class="card__title"') == 2
    assert "Actualité / Palestine / Crises et réhabilitation" in plain.decode()


def test_an_unchanged_card_is_not_rendered_again_after_another_page_is_published(
    client, news, settings, django_capture_on_commit_callbacks
):
    """Until a purge the whole listing is reused (no card renders); after one, only the cards that
    changed render. (A card whose picture had no renditions yet renders once more, with the renditions
    its first rendering created: a key names the renditions, so a deleted one is never referenced.)"""
    settings.FRAGMENT_CACHE = True
    assert card_renders(client.get("/actualites/")) == 2
    assert card_renders(client.get("/actualites/")) == 0
    purge_all()
    assert card_renders(client.get("/actualites/")) == 1
    purge_all()
    assert card_renders(client.get("/actualites/")) == 0
    news["second"].title = "Assises franco-japonaises : le programme"
    with django_capture_on_commit_callbacks(execute=True):
        news["second"].save_revision().publish()
    response = client.get("/actualites/")
    assert card_renders(response) == 1
    assert "Assises franco-japonaises : le programme" in response.content.decode()
    assert "Fonds de solidarité pour Gaza" in response.content.decode()


def test_a_renamed_term_or_a_new_alt_text_shows_on_the_next_listing(
    client, news, settings, django_capture_on_commit_callbacks
):
    settings.FRAGMENT_CACHE = True
    client.get("/actualites/")
    with django_capture_on_commit_callbacks(execute=True):  # each save purges once committed
        news["palestine"].name = "Territoires palestiniens"
        news["palestine"].save()
        news["cover"].description = "Des élèves devant leur école reconstruite"
        news["cover"].save()
    content = client.get("/actualites/").content.decode()
    assert "Actualité / Territoires palestiniens / Crises et réhabilitation" in content
    assert 'alt="Des élèves devant leur école reconstruite"' in content
    assert "Une école reconstruite" not in content


def test_the_same_card_keeps_the_heading_level_of_each_list(client, site_tree, news, settings):
    """The homepage's news block titles its cards h3, the news listing h2: one fragment each."""
    home = site_tree["home"]
    home.sections = [{"type": "news_feed", "value": {"title": "Actualité", "count": 10, "kinds": ["actualite"]}}]
    home.save_revision().publish()
    settings.FRAGMENT_CACHE = True
    listing = client.get("/actualites/").content.decode()
    client.get("/")
    home = client.get("/").content.decode()
    assert '<h2 class="card__title"><a href="/actualites/fonds-de-solidarite-pour-gaza/">' in listing
    assert '<h3 class="card__title"><a href="/actualites/fonds-de-solidarite-pour-gaza/">' in home
