"""The request's Wagtail Site found once per purge for each host (core/site_lookup.py)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Site

from core.models import SiteSettings
from tests.factories import StandardPageFactory

pytestmark = pytest.mark.django_db


def queries(client, url, **extra):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url, **extra)
    return response, [query["sql"] for query in captured.captured_queries]


def site_queries(sql):
    """Wagtail's lookup of the site of a host (get_site_for_hostname ranks the candidates with a CASE)."""
    return [query for query in sql if 'FROM "wagtailcore_site"' in query and "CASE WHEN" in query]


def test_the_site_is_looked_up_once_until_a_purge(client, site_tree, settings, django_capture_on_commit_callbacks):
    settings.FRAGMENT_CACHE = True
    settings.ALLOWED_HOSTS = ["testserver", "partenaires.example.org"]
    StandardPageFactory(parent=site_tree["home"], title="Qui sommes-nous ?", slug="qui-sommes-nous")
    client.get("/qui-sommes-nous/")
    response, sql = queries(client, "/qui-sommes-nous/")
    assert response.status_code == 200 and site_queries(sql) == []

    # A second site on another host: after the purge its save causes, that host gets its own pages.
    other_home = StandardPageFactory(parent=site_tree["home"].get_parent(), title="Partenaires", slug="partenaires")
    with django_capture_on_commit_callbacks(execute=True):
        Site.objects.create(hostname="partenaires.example.org", port=80, root_page=other_home)
    response, sql = queries(client, "/", HTTP_HOST="partenaires.example.org")
    assert response.status_code == 200 and "Partenaires" in response.content.decode()
    assert len(site_queries(sql)) == 1
    assert "Qui sommes-nous ?" in client.get("/qui-sommes-nous/").content.decode()
    response, sql = queries(client, "/", HTTP_HOST="partenaires.example.org")
    assert "Partenaires" in response.content.decode() and site_queries(sql) == []


def test_a_host_outside_allowed_hosts_is_refused_before_any_lookup(client, site_tree, settings):
    settings.FRAGMENT_CACHE = True
    response, sql = queries(client, "/", HTTP_HOST="intrus.example.com")
    assert response.status_code == 400 and site_queries(sql) == []


def test_site_settings_are_read_once_until_a_purge(client, site_tree, settings, django_capture_on_commit_callbacks):
    """core.models.ReadOncePerPurge: the tagline of every page comes from the settings row read since
    the last purge; saving the settings purges, and the next page shows the new tagline."""
    settings.FRAGMENT_CACHE = True
    client.get("/")
    response, sql = queries(client, "/")
    assert not [query for query in sql if 'FROM "core_sitesettings"' in query]
    site_settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    with django_capture_on_commit_callbacks(execute=True):
        site_settings.tagline = "Le réseau des collectivités engagées à l’international"
        site_settings.save()
    assert "Le réseau des collectivités engagées à l’international" in client.get("/actualites/").content.decode()
