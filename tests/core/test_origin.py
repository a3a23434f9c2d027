"""One public origin: every absolute URL is on BASE_URL whatever Host the request carried; Wagtail's Site
follows it on migrate; `check --deploy` fails when they differ (core/origin.py, core/checks.py)."""

import datetime
import re
from xml.etree import ElementTree

import feedparser
import pytest
from django.core.management.sql import emit_post_migrate_signal
from icalendar import Calendar
from wagtail.models import Site

from core import origin
from core.checks import check_site_matches_base_url
from registrations.choices import RegistrationStatus
from registrations.models import Registration
from registrations.tasks import build_email
from tests.factories import (
    ArticlePageFactory,
    CallPageFactory,
    EventPageFactory,
    ImageFactory,
    build_funds_and_calls,
)

pytestmark = pytest.mark.django_db

PUBLIC = "https://www.cites-unies-france.org"
# Names the site answers to besides its public one: a load balancer's probe, an old domain.
OTHER_HOSTS = ["127.0.0.1:8000", "ancien-domaine.example"]
SITEMAP_NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}


@pytest.fixture
def public_origin(settings):
    settings.BASE_URL = PUBLIC
    settings.ALLOWED_HOSTS = ["testserver", "127.0.0.1", "ancien-domaine.example"]
    return PUBLIC


def get(client, path, host, **params):
    response = client.get(path, params, HTTP_HOST=host)
    assert response.status_code == 200, (path, host, response.status_code)
    return response


def test_origin_is_normalised_and_absolute_keeps_external_urls(settings):
    settings.BASE_URL = "HTTPS://WWW.Example.org:443/"
    assert origin.origin() == "https://www.example.org"
    assert origin.host() == "www.example.org"
    assert origin.absolute("/actualites/") == "https://www.example.org/actualites/"
    assert origin.absolute("https://media.example.net/a.jpg") == "https://media.example.net/a.jpg"
    assert origin.rebase("http://localhost/agenda/?mois=2026-03") == "https://www.example.org/agenda/?mois=2026-03"
    settings.BASE_URL = "http://127.0.0.1:8000"
    assert origin.origin() == "http://127.0.0.1:8000"
    assert origin.site_address() == ("127.0.0.1", 8000)


@pytest.mark.parametrize("host", OTHER_HOSTS)
def test_canonical_og_url_and_json_ld_use_base_url(client, site_tree, public_origin, host):
    article = ArticlePageFactory(parent=site_tree["articles"], title="Eau potable à Bamako", cover=ImageFactory())
    html = get(client, article.url, host).content.decode()
    expected = f"{PUBLIC}{article.url}"
    assert f'<link rel="canonical" href="{expected}">' in html
    assert f'<meta property="og:url" content="{expected}">' in html
    urls = re.findall(r'"(?:url|item|@id|urlTemplate)":"([^"]+)"', html)
    assert urls and all(url.startswith(PUBLIC + "/") for url in urls), urls
    assert f'"url":"{expected}"' in html
    image = re.search(r'<meta property="og:image" content="([^"]+)"', html).group(1)
    assert image.startswith(PUBLIC + "/")


@pytest.mark.parametrize("host", OTHER_HOSTS)
def test_sitemap_and_robots_use_base_url(client, site_tree, public_origin, host):
    ArticlePageFactory(parent=site_tree["articles"], title="Publié")
    index = ElementTree.fromstring(get(client, "/sitemap.xml", host).content)  # noqa: S314 - our own response
    sitemaps = [element.text for element in index.findall("s:sitemap/s:loc", SITEMAP_NS)]
    assert sitemaps == [f"{PUBLIC}/sitemap-pages.xml"]
    urlset = ElementTree.fromstring(get(client, "/sitemap-pages.xml", host).content)  # noqa: S314
    locs = [element.text for element in urlset.findall("s:url/s:loc", SITEMAP_NS)]
    assert f"{PUBLIC}/actualites/publie/" in locs
    assert all(loc.startswith(PUBLIC + "/") for loc in locs), locs
    assert f"Sitemap: {PUBLIC}/sitemap.xml" in get(client, "/robots.txt", host).content.decode()


@pytest.mark.parametrize("host", OTHER_HOSTS)
def test_rss_links_and_guids_use_base_url(client, site_tree, public_origin, host):
    article = ArticlePageFactory(parent=site_tree["articles"], title="Beyrouth", date=datetime.date(2025, 6, 1))
    response = get(client, "/actualites/flux.xml", host, pays="liban")
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.bozo_exception
    assert feed.feed.link == f"{PUBLIC}/actualites/"
    assert f'href="{PUBLIC}/actualites/flux.xml?pays=liban"' in response.content.decode()  # atom:link self
    feed = feedparser.parse(get(client, "/actualites/flux.xml", host).content)
    entry = feed.entries[0]
    assert entry.link == entry.id == f"{PUBLIC}{article.url}"


def _events(content):
    return {component["SUMMARY"]: component for component in Calendar.from_ical(content).walk("VEVENT")}


def test_ical_url_and_uid_use_base_url_and_do_not_depend_on_the_host(client, site_tree, public_origin):
    event = EventPageFactory(parent=site_tree["agenda"], title="Assises")
    seen = []
    for host in OTHER_HOSTS:
        feed = _events(get(client, "/agenda/agenda.ics", host).content)["Assises"]
        single = _events(get(client, event.url + "evenement.ics", host).content)["Assises"]
        assert str(feed["URL"]) == str(single["URL"]) == f"{PUBLIC}{event.url}"
        assert str(feed["UID"]) == str(single["UID"]) == f"evenement-{event.pk}@www.cites-unies-france.org"
        seen.append(str(feed["UID"]))
    assert len(set(seen)) == 1


def test_call_deadlines_ical_uses_base_url(client, site_tree, public_origin):
    calls = build_funds_and_calls(site_tree["home"])["calls"]
    call = CallPageFactory(parent=calls, title="Appel eau")
    for host in OTHER_HOSTS:
        component = _events(get(client, "/appels/echeances.ics", host).content)["Date limite : Appel eau"]
        assert str(component["URL"]) == f"{PUBLIC}{call.url}"
        assert str(component["UID"]) == f"appel-{call.pk}@www.cites-unies-france.org"


def test_registration_email_links_and_calendar_use_base_url(site_tree, public_origin):
    event = EventPageFactory(parent=site_tree["agenda"], title="Assises", registration_open=True)
    registration = Registration.objects.create(
        event=event, status=RegistrationStatus.CONFIRMED, email="awa@example.org", name="Awa Diop"
    )
    message = build_email(registration, "confirmed")
    links = re.findall(r"https?://[^\s\"'<>]+", message.body)
    assert f"{PUBLIC}{event.url}" in links
    assert any(link.startswith(f"{PUBLIC}{event.url}inscription/gerer/") for link in links), links
    assert all(link.startswith(PUBLIC + "/") for link in links), links
    ics = next(content for _name, content, _type in message.attachments if _name.endswith(".ics"))
    component = _events(ics)["Assises"]
    assert str(component["UID"]) == f"evenement-{event.pk}@www.cites-unies-france.org"
    assert str(component["URL"]) == f"{PUBLIC}{event.url}"


def test_preview_links_and_newsletter_links_use_base_url(site_tree, public_origin):
    from editorial.models import PreviewLink
    from newsletter.blocks import absolute_url

    assert absolute_url("/lettre/") == f"{PUBLIC}/lettre/"
    link = PreviewLink(page=site_tree["home"], token="a" * 43)
    assert link.get_full_url().startswith(PUBLIC + "/")


def test_migrate_sets_the_default_site_from_base_url(settings, site_tree):
    settings.BASE_URL = "https://www.cites-unies-france.org"
    emit_post_migrate_signal(verbosity=0, interactive=False, db="default")
    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port, site.root_url) == ("www.cites-unies-france.org", 443, PUBLIC)
    settings.BASE_URL = "http://127.0.0.1:8000"
    emit_post_migrate_signal(verbosity=0, interactive=False, db="default")
    assert Site.objects.get(is_default_site=True).root_url == "http://127.0.0.1:8000"
    assert check_site_matches_base_url() == []


def test_check_fails_when_the_site_differs_from_base_url(settings, site_tree):
    Site.objects.filter(is_default_site=True).update(hostname="localhost", port=80)
    settings.BASE_URL = PUBLIC
    errors = check_site_matches_base_url()
    assert [error.id for error in errors] == ["core.E001"]
    assert "http://localhost" in errors[0].msg and PUBLIC in errors[0].msg
    Site.objects.filter(is_default_site=True).update(hostname="www.cites-unies-france.org", port=443)
    assert check_site_matches_base_url() == []


@pytest.mark.parametrize("value", ["www.cites-unies-france.org", "https://www.cites-unies-france.org:8443"])
def test_check_fails_on_a_base_url_wagtail_cannot_hold(settings, site_tree, value):
    settings.BASE_URL = value
    assert [error.id for error in check_site_matches_base_url()] == ["core.E002"]


def test_the_check_is_a_deploy_check(settings, site_tree):
    from django.core import checks

    Site.objects.filter(is_default_site=True).update(hostname="localhost", port=80)
    settings.BASE_URL = PUBLIC
    assert not [m for m in checks.run_checks() if m.id == "core.E001"]
    assert [m.id for m in checks.run_checks(include_deployment_checks=True) if m.id.startswith("core.")] == [
        "core.E001"
    ]
