import datetime
import re

import pytest
from django.utils import timezone

from articles.choices import ArticleKind
from tests.factories import ArticlePageFactory, CountryFactory, EventPageFactory, ImageFactory, ThemeFactory

pytestmark = pytest.mark.django_db

SEED_SECTIONS = [
    {"type": "news_feed", "value": {"title": "Actualité", "count": 10, "kinds": ["actualite"]}},
    {"type": "agenda", "value": {"title": "Agenda", "count": 3}},
    {
        "type": "news_list",
        "value": {"title": "Actualités", "count": 3, "kinds": ["communique", "appel", "publication"]},
    },
    {"type": "resource_tiles", "value": {"title": "Centre de ressources"}},
]


def set_sections(home, sections):
    home.sections = sections
    home.save_revision().publish()


@pytest.fixture
def home_with_sections(site_tree):
    set_sections(site_tree["home"], SEED_SECTIONS)
    return site_tree


def text_of(html):
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def test_header_shows_site_name_and_tagline_in_utf8(client, home_with_sections):
    response = client.get("/")
    body = response.content.decode("utf-8")
    assert response.status_code == 200
    assert "Cités Unies France" in body
    assert "Le portail de la coopération décentralisée" in body
    assert "Ã" not in body  # the old site's mojibake


def test_news_feed_shows_ten_latest_actualites_with_category_line_excerpt_and_link(client, home_with_sections):
    index = home_with_sections["articles"]
    palestine = CountryFactory(name="Palestine")
    crises = ThemeFactory(name="Crises et réhabilitation")
    long_intro = "En coordination avec le consulat, cinquante représentants de collectivités " * 8
    for day in range(12):
        ArticlePageFactory(
            parent=index,
            title=f"Actualité numéro {day + 1:02d}",
            date=datetime.date(2025, 4, day + 1),
            intro=long_intro,
            countries=[palestine],
            themes=[crises],
        )
    ArticlePageFactory(parent=index, title="Un appel à contributions", kind=ArticleKind.APPEL)

    body = client.get("/").content.decode()
    text = text_of(body)
    shown = re.findall(r"Actualité numéro (\d\d)", text)
    assert sorted(set(shown), reverse=True) == [f"{n:02d}" for n in range(12, 2, -1)]
    assert "Actualité / Palestine / Crises et réhabilitation" in text
    assert "(…)" in text
    assert text.count("En savoir plus") >= 10


def test_card_without_cover_falls_back_to_theme_then_default_image(client, home_with_sections):
    index = home_with_sections["articles"]
    theme_image = ImageFactory(title="Image de la thématique", description="Champs cultivés")
    agriculture = ThemeFactory(name="Agriculture, sécurité alimentaire", default_image=theme_image)
    ArticlePageFactory(parent=index, title="Avec thématique illustrée", themes=[agriculture])
    ArticlePageFactory(parent=index, title="Sans aucune image")

    body = client.get("/").content.decode()
    assert 'alt="Champs cultivés"' in body
    assert "default-card" in body


def test_agenda_shows_next_events_with_day_and_short_french_month(client, home_with_sections):
    agenda = home_with_sections["agenda"]
    start = timezone.make_aware(datetime.datetime(timezone.now().year + 1, 2, 18, 10, 0))
    EventPageFactory(parent=agenda, title="Réunion du groupe-pays Mauritanie", start=start)
    EventPageFactory(parent=agenda, title="Événement passé", start=timezone.now() - datetime.timedelta(days=3))

    text = text_of(client.get("/").content.decode())
    assert "18 fév" in text
    assert "Réunion du groupe-pays Mauritanie" in text
    assert "Événement passé" not in text


def test_short_news_list_and_resource_tiles(client, home_with_sections):
    ArticlePageFactory(parent=home_with_sections["articles"], title="Appel à contributions – Panorama", kind="appel")

    text = text_of(client.get("/").content.decode())
    assert "Appel à contributions – Panorama" in text
    for label in ("Centre de ressources", "Texte", "Photo", "Son", "Vidéo"):
        assert label in text
    assert "/centre-de-ressources/?type=video" in client.get("/").content.decode()


def test_sections_follow_the_editors_order_and_can_be_removed(client, home_with_sections):
    home = home_with_sections["home"]
    set_sections(home, [SEED_SECTIONS[3], SEED_SECTIONS[1]])
    main = client.get("/").content.decode().split('id="contenu"', 1)[1]
    assert main.index("Centre de ressources") < main.index("Agenda")
    assert "Toutes les actualités" not in main


def test_news_feed_can_be_limited_to_a_country(client, home_with_sections):
    home = home_with_sections["home"]
    japon = CountryFactory(name="Japon")
    ArticlePageFactory(parent=home_with_sections["articles"], title="Rencontre franco-japonaise", countries=[japon])
    ArticlePageFactory(parent=home_with_sections["articles"], title="Autre nouvelle")
    set_sections(
        home, [{"type": "news_feed", "value": {"title": "Japon", "count": 5, "kinds": [], "country": japon.pk}}]
    )

    text = text_of(client.get("/").content.decode())
    assert "Rencontre franco-japonaise" in text
    assert "Autre nouvelle" not in text
