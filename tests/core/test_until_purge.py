"""Parts of pages rendered once per purge ({% until_purge %}, core/templatetags/fragment_tags.py), the
meta tags and search results reused the same way, and what the clock changes in between."""

import datetime

import pytest
import time_machine
from django.template import Context, Template, TemplateSyntaxError
from django.test import RequestFactory
from django.utils import timezone

import core.views
from core.search import ranked_search
from pagecache.purge import purge_all
from tests.factories import ArticlePageFactory, CallIndexPageFactory, CallPageFactory, EventPageFactory

pytestmark = pytest.mark.django_db

SECTIONS = [
    {"type": "news_feed", "value": {"title": "Actualité", "count": 3, "kinds": []}},
    {"type": "agenda", "value": {"title": "Agenda", "count": 1}},
    {"type": "calls", "value": {"title": "Appels en cours", "count": 1}},
]


@pytest.fixture
def home(site_tree, settings):
    settings.FRAGMENT_CACHE = True
    page = site_tree["home"]
    page.sections = SECTIONS
    page.save_revision().publish()
    page.calls = CallIndexPageFactory(parent=page)
    return page


def rendered(response, template_name):
    return sum(template.name == template_name for template in response.templates)


def test_a_homepage_section_is_rendered_once_until_a_purge(client, home, site_tree, django_capture_on_commit_callbacks):
    ArticlePageFactory(parent=site_tree["articles"], title="Fonds de solidarité pour le Liban")
    assert rendered(client.get("/"), "home/blocks/news_feed.html") == 1
    response = client.get("/")
    assert rendered(response, "home/blocks/news_feed.html") == 0
    assert "Fonds de solidarité pour le Liban" in response.content.decode()

    with django_capture_on_commit_callbacks(execute=True):  # a publish purges once committed
        ArticlePageFactory(parent=site_tree["articles"], title="Assises de la coopération franco-japonaise")
    response = client.get("/")
    assert rendered(response, "home/blocks/news_feed.html") == 1
    assert "Assises de la coopération franco-japonaise" in response.content.decode()


def test_the_agenda_section_moves_on_when_its_first_event_ends(client, home, site_tree):
    """No publish between the two visits: the section is reused until its first event's end."""
    now = timezone.now()
    agenda = site_tree["agenda"]
    ends = now + datetime.timedelta(minutes=4)  # within the 5 minutes a reused value lives (PAGE_CACHE_TIMEOUT)
    EventPageFactory(parent=agenda, title="Groupe-pays Arménie", start=now, end=ends)
    EventPageFactory(
        parent=agenda,
        title="Assises de la coopération",
        start=now + datetime.timedelta(days=3),
        end=now + datetime.timedelta(days=3, hours=8),
    )
    content = client.get("/").content.decode()
    assert "Groupe-pays Arménie" in content and "Assises de la coopération" not in content
    with time_machine.travel(now + datetime.timedelta(minutes=2), tick=False):
        assert rendered(client.get("/"), "home/blocks/agenda.html") == 0
    with time_machine.travel(ends + datetime.timedelta(seconds=1), tick=False):
        response = client.get("/")
    assert rendered(response, "home/blocks/agenda.html") == 1
    content = response.content.decode()
    assert "Assises de la coopération" in content and "Groupe-pays Arménie" not in content


def test_a_call_shown_on_the_homepage_changes_status_with_the_clock(client, home, settings):
    """ "Ouvert", then "Clôture imminente" CALLS_CLOSING_SOON_DAYS before the deadline, without a publish."""
    closing_soon = datetime.timedelta(days=settings.CALLS_CLOSING_SOON_DAYS)
    deadline = timezone.now() + closing_soon + datetime.timedelta(minutes=3)
    CallPageFactory(parent=home.calls, deadline=deadline)
    assert "badge--call-ouvert" in client.get("/").content.decode()
    with time_machine.travel(timezone.now() + datetime.timedelta(minutes=1), tick=False):
        assert "badge--call-ouvert" in client.get("/").content.decode()
    with time_machine.travel(deadline - closing_soon + datetime.timedelta(seconds=1), tick=False):
        content = client.get("/").content.decode()
    assert "badge--call-imminent" in content and "badge--call-ouvert" not in content


def test_the_listing_is_reused_per_page_and_tracking_parameters_share_it(client, site_tree, settings):
    settings.FRAGMENT_CACHE = True
    settings.ARTICLES_PER_PAGE = 2
    for number in range(3):
        ArticlePageFactory(parent=site_tree["articles"], title=f"Coopération décentralisée n° {number}")
    assert rendered(client.get("/actualites/"), "includes/card.html") == 2
    assert rendered(client.get("/actualites/?utm_source=lettre"), "includes/card.html") == 0
    second = client.get("/actualites/?page=2")
    assert rendered(second, "includes/card.html") == 1
    assert "Coopération décentralisée n° 0" in second.content.decode()


def test_the_meta_tags_follow_a_publish(client, site_tree, settings, django_capture_on_commit_callbacks):
    settings.FRAGMENT_CACHE = True
    article = ArticlePageFactory(parent=site_tree["articles"], title="Mission au Liban")
    assert '<meta property="og:title" content="Mission au Liban">' in client.get(article.url).content.decode()
    article.title = "Mission de coopération au Liban"
    with django_capture_on_commit_callbacks(execute=True):
        article.save_revision().publish()
    content = client.get(article.url).content.decode()
    assert '<meta property="og:title" content="Mission de coopération au Liban">' in content
    assert "<h1>Mission de coopération au Liban</h1>" in content


def test_search_results_are_ranked_once_until_a_purge(
    client, site_tree, settings, monkeypatch, django_capture_on_commit_callbacks
):
    settings.FRAGMENT_CACHE = True
    rankings = []

    def counted(pages, terms):
        rankings.append(terms)
        return ranked_search(pages, terms)

    monkeypatch.setattr(core.views, "ranked_search", counted)
    ArticlePageFactory(parent=site_tree["articles"], title="Coopération avec le Japon")
    assert "1 résultat pour « Japon »" in client.get("/recherche/?q=Japon").content.decode()
    assert "1 résultat pour « Japon »" in client.get("/recherche/?q=Japon").content.decode()
    assert len(rankings) == 1
    with django_capture_on_commit_callbacks(execute=True):
        ArticlePageFactory(parent=site_tree["articles"], title="Assises franco-japonaises au Japon")
    content = client.get("/recherche/?q=Japon").content.decode()
    assert "2 résultats pour « Japon »" in content and len(rankings) == 2
    assert '<h2 class="search-result__title"><a href="/actualites/assises-franco-japonaises-au-japon/">' in content


def test_a_listing_with_an_unknown_filter_value_is_rendered_every_time(client, site_tree, settings):
    """Only valid filters make keys: typed text never fills the cache."""
    settings.FRAGMENT_CACHE = True
    ArticlePageFactory(parent=site_tree["articles"], title="Coopération décentralisée au Liban")
    for _visit in range(2):
        response = client.get("/actualites/?pays=nulle-part")
        assert rendered(response, "includes/filter_form.html") == 1
        assert "Ce pays n’existe pas" in response.content.decode()


def render(template, request, counter):
    return template.render(Context({"request": request, "counter": counter}))


class Counter:
    def __init__(self):
        self.value = 0

    def __str__(self):
        self.value += 1
        return str(self.value)


def test_a_preview_is_always_rendered(site_tree, settings):
    settings.FRAGMENT_CACHE = True
    template = Template('{% load fragment_tags %}{% until_purge "essai" %}{{ counter }}{% enduntil_purge %}')
    counter = Counter()
    visitor = RequestFactory().get("/essai/")
    assert render(template, visitor, counter) == "1"
    assert render(template, visitor, counter) == "1"
    preview = RequestFactory().get("/essai/")
    preview.is_preview = True
    assert render(template, preview, counter) == "2"
    assert render(template, preview, counter) == "3"
    purge_all()
    assert render(template, visitor, counter) == "4"


def test_a_name_must_be_quoted():
    with pytest.raises(TemplateSyntaxError, match="quoted name"):
        Template("{% load fragment_tags %}{% until_purge essai %}{% enduntil_purge %}")
