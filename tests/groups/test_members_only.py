"""Members-only pages: a French explanation for everyone else, and nothing reserved on any other path
(search, feeds, sitemap, listings, hubs, the page cache, preview links of other users)."""

import datetime

import pytest
from django.test import Client
from django.utils import timezone
from wagtail.models import PageViewRestriction, Site

from core.models import SiteSettings
from editorial.models import PreviewLink
from groups.choices import MEMBERS_GROUP_NAME
from tests.factories import ArticlePageFactory, EventPageFactory
from tests.groups.network import MINUTES
from tests.pagecache.conftest import page_cache_keys

pytestmark = pytest.mark.django_db

AREA = "/groupes-pays/armenie/espace-adherents/"


def restrict_to_members(page):
    from django.contrib.auth.models import Group

    restriction = PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.GROUPS)
    restriction.groups.add(Group.objects.get(name=MEMBERS_GROUP_NAME))
    return restriction


def assert_never_stored(response):
    cache_control = {part.strip() for part in response["Cache-Control"].split(",")}
    assert "private" in cache_control and "public" not in cache_control


def test_an_anonymous_visitor_gets_a_french_explanation_and_a_way_to_ask(client, network):
    response = client.get(AREA)
    assert response.status_code == 403
    body = response.content.decode()
    assert "Espace réservé aux collectivités adhérentes" in body
    assert MINUTES not in body and "Procès-verbaux réservés" not in body
    assert "Accès réservé aux adhérents du groupe." not in body, "not even the intro"
    assert 'href="mailto:groupes@example.org?subject=' in body, "ask the group's contact"
    assert f'href="/_util/login/?next={AREA.replace("/", "%2F")}"' in body
    assert_never_stored(response)
    assert response["X-Robots-Tag"] == "noindex, nofollow"


def test_without_a_group_contact_the_request_goes_to_the_site_contact(client, network):
    group = network["groups"]["armenie"]
    group.contact_email = ""
    group.save_revision().publish()
    settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    settings.contact_email = "contact@example.org"
    settings.save()
    assert 'href="mailto:contact@example.org?subject=' in client.get(AREA).content.decode()


def test_a_logged_in_account_of_no_member_is_told_so(client, network):
    client.force_login(network["outsider"])
    response = client.get(AREA)
    assert response.status_code == 403
    body = response.content.decode()
    assert "Votre compte n’a pas accès à cet espace" in body and MINUTES not in body


def test_a_member_reads_the_minutes_never_cached(client, network):
    client.force_login(network["member"])
    response = client.get(AREA)
    assert response.status_code == 200
    assert MINUTES in response.content.decode()
    assert_never_stored(response)


def test_the_french_login_form_for_other_restricted_pages(client, network, site_tree):
    article = ArticlePageFactory(parent=site_tree["articles"], title="Note interne")
    restrict_to_members(article)
    response = client.get(article.url)
    assert response.status_code == 302 and response["Location"].startswith("/_util/login/?next=")
    login = client.get(response["Location"]).content.decode()
    assert "Connexion à l’espace adhérents" in login and '<label for="id_password">Mot de passe</label>' in login


def test_the_group_page_links_to_the_area_without_its_title_or_text(client, network):
    body = client.get("/groupes-pays/armenie/").content.decode()
    assert f'href="{AREA}"' in body
    assert "Procès-verbaux réservés" not in body and MINUTES not in body


def test_search_never_returns_reserved_pages_even_to_members(client, network):
    for user in (None, network["member"]):
        if user is not None:
            client.force_login(user)
        body = client.get("/recherche/", {"q": "confidentiel Goris"}).content.decode()
        assert "Procès-verbaux réservés" not in body and MINUTES not in body


def test_sitemap_leaves_reserved_pages_out(client, network):
    body = client.get("/sitemap-pages.xml").content.decode()
    assert "/groupes-pays/armenie/</loc>" in body
    assert "espace-adherents" not in body


def test_reserved_events_and_articles_stay_out_of_every_listing_feed_and_hub(client, network, site_tree):
    armenie = network["countries"]["armenie"]
    secret_event = EventPageFactory(parent=site_tree["agenda"], title="Réunion restreinte Arménie", countries=[armenie])
    secret_article = ArticlePageFactory(
        parent=site_tree["articles"], title="Note restreinte Arménie", countries=[armenie]
    )
    restrict_to_members(secret_event)
    restrict_to_members(secret_article)
    for url in (
        "/",
        "/groupes-pays/",
        "/groupes-pays/armenie/",
        "/pays/armenie/",
        "/actualites/",
        "/actualites/flux.xml",
        "/agenda/",
        "/agenda/agenda.ics",
        "/collectivites/alfortville/",
        "/sitemap-pages.xml",
        "/recherche/?q=restreinte",
    ):
        body = client.get(url).content.decode()
        assert "Réunion restreinte" not in body and "Note restreinte" not in body, url


def test_the_page_cache_never_stores_a_reserved_page(client, network, redis_page_cache):
    first = client.get(AREA)
    assert first.status_code == 403
    assert first["X-Page-Cache"] in {"uncacheable", "miss"}
    member = Client()
    member.force_login(network["member"])
    assert MINUTES in member.get(AREA).content.decode()
    again = client.get(AREA)
    assert again.status_code == 403 and MINUTES not in again.content.decode()
    assert again["X-Page-Cache"] != "hit"
    assert not [key for key in page_cache_keys() if "espace-adherents" in key]


def test_a_preview_link_of_a_reserved_page_opens_only_for_those_who_may_see_it(client, network):
    from django.contrib.auth.models import User

    editor = User.objects.create_superuser("editrice", "editrice@example.org", "motdepasse")
    area = network["area"]
    link = PreviewLink.objects.create(
        page=area, created_by=editor, expires_at=timezone.now() + datetime.timedelta(days=7)
    )
    response = client.get(f"/apercu/{link.token}/")
    assert response.status_code == 403
    assert MINUTES not in response.content.decode()
    assert "Lien de prévisualisation réservé" in response.content.decode()
    outsider = Client()
    outsider.force_login(network["outsider"])
    assert MINUTES not in outsider.get(f"/apercu/{link.token}/").content.decode()
    member = Client()
    member.force_login(network["member"])
    assert MINUTES in member.get(f"/apercu/{link.token}/").content.decode()
