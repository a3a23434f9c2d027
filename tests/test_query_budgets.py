"""Query budgets of the public pages: a fixed number of SQL queries whatever the number of cards or the page.

Each page is requested once first (renditions get created, as on a live site), then every cache is cleared
and the page requested again: that "cold cache" request is what is counted, as in `make bench`
(`python -m bench.queries --page-cache 0`). The content has the shapes that cost queries on the real site:
a site default image, cards with their own cover, a theme's image or none, one to three terms, filter
forms in use, the demo homepage's sections plus featured pages, hubs, galleries.
"""

import datetime

import pytest
from django.core.cache import caches
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import Site

from articles.models import ArticlePage
from core.models import NavigationSettings, SiteSettings
from demo.site import HOME_SECTIONS
from resources.choices import ResourceKind
from resources.models import ResourceGalleryImage
from tests.factories import (
    ArticlePageFactory,
    CountryFactory,
    EventPageFactory,
    ImageFactory,
    ResourcePageFactory,
    StandardPageFactory,
    ThemeFactory,
)
from tests.home.test_homepage import set_sections

pytestmark = pytest.mark.django_db

# Cold-cache budgets, pinned to what the pages cost (the benchmark's target is at most 20 for every public
# page). A change that adds a query to a page fails here: find the query, or raise the budget knowingly.
# Every page renders the menus edited in the admin (core/navigation.py): +2 (the settings row, then the pages
# of both menus at once, whatever the number of links).
BUDGETS = {
    # The demo's sections (with "Appels en cours") plus featured pages of two types. The share image's
    # renditions are read apart (+1): the meta renders first, and the sections, reused until a purge,
    # read their pictures only when they render.
    "home": 24,
    "listing": 18,
    "agenda": 17,
    "resources": 18,
    "hub": 20,  # + one query each for the term's funds and open calls, + the country's group page
    "article": 17,
    "event": 17,
    "resource": 17,
    "standard": 11,
    "sitemap": 5,
    "feed": 10,
}


def clear_caches():
    for alias in caches:
        caches[alias].clear()


def cold_queries(client, url):
    """(response, number of queries) of a request with every cache cleared; renditions already exist."""
    client.get(url)
    clear_caches()
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return response, len(queries)


def cards_in(response, css_class="card__title"):
    return response.content.decode().count(f'class="{css_class}"')


@pytest.fixture
def terms(site_tree):
    images = [ImageFactory(title=f"Couverture {n}", description=f"Couverture numéro {n}") for n in range(8)]
    themed = ThemeFactory(name="Eau et assainissement", slug="eau", default_image=ImageFactory(description="Un puits"))
    site_settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    site_settings.default_image = ImageFactory(title="Image par défaut", description="Cités Unies France")
    site_settings.save()
    menus_like_the_demo(site_tree)
    return {
        "images": images,
        "countries": [CountryFactory(name=name) for name in ("Liban", "Japon", "Maroc")],
        "themes": [themed, ThemeFactory(name="Jeunesse")],
    }


def menus_like_the_demo(site_tree):
    """Main menu and footer as the demo fills them: links to pages and to addresses, the accessibility page."""
    about = StandardPageFactory(parent=site_tree["home"], title="À propos", slug="a-propos")
    statement = StandardPageFactory(parent=site_tree["home"], title="Déclaration", slug="declaration-d-accessibilite")
    navigation = NavigationSettings.for_site(Site.objects.get(is_default_site=True))

    def link(page=None, url="", label=""):
        return {"type": "link", "value": {"page": page.pk if page else None, "url": url, "label": label}}

    navigation.main_menu = [
        *(link(site_tree[key]) for key in ("articles", "agenda", "resources")),
        link(url="/pays/", label="Pays"),
        link(url="/thematiques/", label="Thématiques"),
    ]
    navigation.footer_links = [link(about)]
    navigation.accessibility_page = statement
    navigation.save()


def tagged(terms, number):
    """Cards of every shape: own cover, theme default image, site default image; one to three terms."""
    cover = terms["images"][number % len(terms["images"])] if number % 3 else None
    return {
        "cover": cover,
        "countries": terms["countries"][: 1 + number % 3],
        "themes": terms["themes"][: 1 + number % 2] if number % 3 != 2 else [terms["themes"][1]],
    }


def published_article(index, countries=(), themes=(), **fields):
    """A live article added under `index` the way an import would (no revision history: faster to build)."""
    page = ArticlePage(live=True, has_unpublished_changes=False, **fields)
    index.add_child(instance=page)
    page.countries.set(countries)
    page.themes.set(themes)
    page.save()  # a ParentalManyToManyField writes its relations on save
    return page


@pytest.fixture
def sixty_articles(site_tree, terms):
    start = datetime.date(2024, 1, 1)
    return [
        published_article(
            site_tree["articles"],
            title=f"Article de test numéro {n:02d}",
            slug=f"article-de-test-{n:02d}",
            date=start + datetime.timedelta(days=n),
            intro="Les collectivités renforcent leur coopération.",
            kind=("actualite", "communique", "lettre")[n % 3],
            **tagged(terms, n),
        )
        for n in range(60)
    ]


@pytest.fixture
def agenda_and_resources(site_tree, terms):
    soon = timezone.now() + datetime.timedelta(days=3)
    for n in range(20):
        EventPageFactory(parent=site_tree["agenda"], start=soon + datetime.timedelta(days=n), **tagged(terms, n))
    kinds = ResourceKind.values
    resources = [
        ResourcePageFactory(parent=site_tree["resources"], kind=kinds[n % 4], **tagged(terms, n)) for n in range(12)
    ]
    for resource in resources[1::4]:  # photo resources without a cover show their first photo
        resource.cover = None
        resource.save()
        for n in range(3):
            ResourceGalleryImage.objects.create(page=resource, image=terms["images"][n], sort_order=n)
    return resources


def test_article_listing_costs_the_same_for_10_and_50_cards_any_page_and_any_filter(client, settings, sixty_articles):
    settings.ARTICLES_PER_PAGE = 10
    first, ten_cards = cold_queries(client, "/actualites/")
    last, last_page = cold_queries(client, "/actualites/?page=6")
    filters = "pays=liban&thematique=jeunesse&type=actualite&annee=2024"
    filtered, with_filters = cold_queries(client, f"/actualites/?{filters}")
    unknown, unknown_values = cold_queries(client, "/actualites/?pays=atlantide&thematique=eau&annee=1999&type=x")
    settings.ARTICLES_PER_PAGE = 50
    full, fifty_cards = cold_queries(client, "/actualites/")

    assert cards_in(first) == 10 and cards_in(full) == 50
    assert "Article de test numéro 00" in last.content.decode()
    assert "10 résultats" in filtered.content.decode()
    assert "Ce pays n’existe pas" in unknown.content.decode()
    counts = (ten_cards, last_page, with_filters, unknown_values, fifty_cards)
    assert len(set(counts)) == 1, counts
    assert fifty_cards <= BUDGETS["listing"], fifty_cards


def test_homepage_sections_cost_the_same_for_few_and_many_cards(client, site_tree, sixty_articles, terms):
    """The demo homepage's sections, plus featured pages and a free text: 10 or 24 cards, 2 or 6 featured."""
    articles = sixty_articles
    event = EventPageFactory(parent=site_tree["agenda"], title="Assises de la coopération", **tagged(terms, 1))

    def sections(news_count, featured):
        news = [dict(HOME_SECTIONS[0], value=dict(HOME_SECTIONS[0]["value"], count=news_count)), *HOME_SECTIONS[1:]]
        return [
            *news,
            {"type": "featured", "value": {"title": "À la une", "pages": [page.pk for page in featured]}},
            {"type": "rich_text", "value": {"title": "Qui sommes-nous ?", "text": "<p>Le réseau.</p>"}},
        ]

    set_sections(site_tree["home"], sections(10, [articles[0], event]))
    few, few_cards = cold_queries(client, "/")
    set_sections(site_tree["home"], sections(24, [*articles[1:6], event]))
    many, many_cards = cold_queries(client, "/")

    assert cards_in(few) == 10 + 2  # the feed's ten latest "actualite" articles, two featured pages
    assert cards_in(many) == 20 + 6  # all twenty "actualite" articles, six featured pages
    assert "Assises de la coopération" in many.content.decode()
    assert few_cards == many_cards, (few_cards, many_cards)
    assert many_cards <= BUDGETS["home"], many_cards


def test_agenda_and_resource_centre_cost_the_same_for_few_and_many_items(client, settings, agenda_and_resources):
    settings.EVENTS_PER_PAGE = settings.RESOURCES_PER_PAGE = 4
    _, few_events = cold_queries(client, "/agenda/")
    _, few_resources = cold_queries(client, "/centre-de-ressources/")
    _, filtered_events = cold_queries(client, "/agenda/?pays=liban&thematique=eau&format=presentiel")
    _, filtered_resources = cold_queries(client, "/centre-de-ressources/?pays=liban&thematique=eau&type=photo")
    settings.EVENTS_PER_PAGE = settings.RESOURCES_PER_PAGE = 20
    events, many_events = cold_queries(client, "/agenda/")
    resources, many_resources = cold_queries(client, "/centre-de-ressources/")

    assert cards_in(events, "event-item__title") == 20
    assert cards_in(resources) == 12
    assert "3 photos" in resources.content.decode()
    assert few_events == filtered_events == many_events <= BUDGETS["agenda"], (few_events, filtered_events, many_events)
    assert few_resources == filtered_resources == many_resources <= BUDGETS["resources"], (
        few_resources,
        filtered_resources,
        many_resources,
    )


def test_hubs_cost_the_same_for_few_and_many_items(client, site_tree, terms):
    """A country or theme hub shows three sections (news, events, resources) of one term's content."""
    japon, liban = terms["countries"][1], terms["countries"][0]
    eau = terms["themes"][0]
    few = {"countries": [japon], "themes": [eau]}
    ArticlePageFactory(parent=site_tree["articles"], **few)
    EventPageFactory(parent=site_tree["agenda"], **few)
    ResourcePageFactory(parent=site_tree["resources"], **few)
    _, few_items = cold_queries(client, "/pays/japon/")
    for n in range(8):
        ArticlePageFactory(parent=site_tree["articles"], **tagged(terms, n))
        EventPageFactory(parent=site_tree["agenda"], **tagged(terms, n))
        ResourcePageFactory(parent=site_tree["resources"], kind=ResourceKind.values[n % 4], **tagged(terms, n))
    country, many_items = cold_queries(client, f"/pays/{liban.slug}/")
    theme, theme_items = cold_queries(client, f"/thematiques/{eau.slug}/")

    assert cards_in(country) == 6 + 4 + 4
    assert few_items == many_items <= BUDGETS["hub"], (few_items, many_items)
    assert theme_items <= many_items  # a theme hub has no groupe-pays page to look up


@pytest.mark.parametrize("kind", ["article", "event", "resource", "standard"])
def test_detail_pages_stay_within_their_budget(client, site_tree, terms, kind):
    spec = tagged(terms, 4)
    if kind == "article":
        page = ArticlePageFactory(parent=site_tree["articles"], title="Mission à Beyrouth", **spec)
    elif kind == "event":
        page = EventPageFactory(parent=site_tree["agenda"], title="Assises à Lyon", **spec)
    elif kind == "resource":
        page = ResourcePageFactory(parent=site_tree["resources"], title="Guide pratique", kind="texte", **spec)
    else:
        page = StandardPageFactory(parent=site_tree["home"], title="Qui sommes-nous")
    response, queries = cold_queries(client, page.url)
    assert page.title in response.content.decode()
    assert queries <= BUDGETS[kind], queries


def test_photo_gallery_costs_the_same_for_one_and_many_photos(client, site_tree, terms):
    page = ResourcePageFactory(parent=site_tree["resources"], title="Marché de Saint-Louis", kind="photo", cover=None)
    ResourceGalleryImage.objects.create(page=page, image=terms["images"][0], caption="Première photo")
    _, one_photo = cold_queries(client, page.url)
    for n in range(1, 6):
        ResourceGalleryImage.objects.create(page=page, image=terms["images"][n], sort_order=n)
    response, six_photos = cold_queries(client, page.url)

    assert response.content.decode().count("<figure") == 6
    assert one_photo == six_photos <= BUDGETS["resource"], (one_photo, six_photos)


def test_sitemap_and_feeds_cost_the_same_whatever_the_number_of_pages(client, site_tree, terms):
    def add(count):
        for n in range(count):
            ArticlePageFactory(parent=site_tree["articles"], **tagged(terms, n))
            EventPageFactory(parent=site_tree["agenda"], **tagged(terms, n))
            ResourcePageFactory(parent=site_tree["resources"], **tagged(terms, n))
        StandardPageFactory(parent=site_tree["home"])

    add(1)
    urls = ("/sitemap.xml", "/sitemap-pages.xml", "/actualites/flux.xml", "/agenda/agenda.ics")
    few = [cold_queries(client, url)[1] for url in urls]
    add(6)
    many = [cold_queries(client, url)[1] for url in urls]

    assert few == many, (few, many)
    assert max(many[:2]) <= BUDGETS["sitemap"], many
    assert max(many[2:]) <= BUDGETS["feed"], many


def test_admin_explorer_makes_no_query_per_child_row(client, site_tree, sixty_articles):
    """The page explorer lists 50 children per page: a full page costs what a page of 10 rows costs."""
    from django.contrib.auth import get_user_model

    admin = get_user_model().objects.create_superuser("chef", "chef@example.org", "mot-de-passe-solide")
    client.force_login(admin)
    url = f"/admin/pages/{site_tree['articles'].pk}/"
    full, fifty_rows = cold_queries(client, f"{url}?ordering=title")
    client.force_login(admin)
    rest, ten_rows = cold_queries(client, f"{url}?ordering=title&p=2")

    assert "Article de test numéro 00" in full.content.decode()
    assert "Article de test numéro 59" in rest.content.decode()
    assert "Article de test numéro 59" not in full.content.decode()
    assert fifty_rows == ten_rows, (fifty_rows, ten_rows)
