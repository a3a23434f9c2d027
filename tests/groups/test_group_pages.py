"""Groupes-pays as a visitor sees them: the index by region, a group's page, the country hub, search."""

import json
import re

import pytest
from django.contrib.auth.models import Group

from directory.models import DirectoryIndexPage
from events.models import EventPage
from groups.choices import MEMBERS_GROUP_NAME
from groups.models import CountryGroupIndexPage, CountryGroupPage, MembersAreaPage
from tests.factories import ArticlePageFactory, CountryGroupPageFactory

pytestmark = pytest.mark.django_db


def json_ld(body):
    return [json.loads(raw) for raw in re.findall(r'<script type="application/ld\+json">(.*?)</script>', body, re.S)]


def test_tree_rules(site_tree, network):
    home, index, group = network["home"], network["index"], network["groups"]["armenie"]
    assert not CountryGroupIndexPage.can_create_at(home), "one groupes-pays index"
    assert not DirectoryIndexPage.can_create_at(home), "one directory"
    assert CountryGroupPage.can_create_at(index)
    assert not CountryGroupPage.can_create_at(home)
    assert not CountryGroupPage.can_create_at(site_tree["articles"])
    assert MembersAreaPage.can_create_at(group)
    assert not MembersAreaPage.can_create_at(index)
    assert not MembersAreaPage.can_create_at(home)
    assert not EventPage.can_create_at(group)
    assert DirectoryIndexPage.allowed_subpage_models() == []


def test_the_data_migration_created_the_members_group(db):
    assert Group.objects.filter(name=MEMBERS_GROUP_NAME).exists()
    writers = Group.objects.get(name="Rédacteurs")
    assert writers.permissions.filter(codename="view_collectivite").exists()


def test_the_index_lists_groups_by_region_with_chair_and_member_count(client, network):
    body = client.get("/groupes-pays/").content.decode()
    assert body.index(">Europe<") < body.index("Groupe-pays Arménie") < body.index(">Moyen-Orient<")
    assert body.index(">Moyen-Orient<") < body.index("Groupe-pays Liban")
    assert "Présidé par Ville d’Alfortville" in body
    assert "2 collectivités membres" in body and "1 collectivité membre" in body
    assert 'href="/groupes-pays/"' in body and 'aria-current="page"' in body  # reachable from the menu


def test_an_unpublished_group_is_not_listed(client, network, site_tree):
    network["groups"]["liban"].unpublish()
    body = client.get("/groupes-pays/").content.decode()
    assert "Groupe-pays Liban" not in body
    assert client.get("/groupes-pays/liban/").status_code == 404


def test_a_group_page_shows_chair_members_meetings_news_resources_and_contact(client, network):
    body = client.get("/groupes-pays/armenie/").content.decode()
    assert 'Présidence : <a href="/collectivites/alfortville/">Ville d’Alfortville</a>' in body
    assert (
        '<a href="/collectivites/valence/">Ville de Valence</a> <span class="directory-item__role">(Vice-présidente)'
        in body
    )
    assert "Département de l’Isère" in body
    assert "Le groupe a préparé les Assises de Goris." in body
    upcoming = body[body.index("Prochaines réunions") : body.index("Réunions passées")]
    assert "Réunion du groupe-pays Arménie" in upcoming and "Assises de Goris" not in upcoming
    assert "Assises de Goris" in body[body.index("Réunions passées") :]
    assert "Réunion du groupe-pays Liban" not in body, "another country's meeting"
    assert "Retour sur les Assises" in body and "Guide Arménie" in body
    assert 'href="mailto:groupes@example.org"' in body
    assert 'href="/agenda/?pays=armenie"' in body


def test_a_group_page_has_organization_json_ld(client, network):
    data = json_ld(client.get("/groupes-pays/armenie/").content.decode())
    organization = next(item for item in data if item["@type"] == "Organization")
    assert organization["name"] == "Groupe-pays Arménie"
    assert organization["url"].endswith("/groupes-pays/armenie/")
    assert organization["parentOrganization"]["name"] == "Cités Unies France"
    assert {member["name"] for member in organization["member"]} == {"Ville de Valence", "Département de l’Isère"}


def test_the_country_hub_shows_the_group_presentation_and_links_to_it(client, network):
    body = client.get("/pays/armenie/").content.decode()
    assert "Le groupe-pays Arménie" in body
    assert "Le groupe a préparé les Assises de Goris." in body
    assert 'href="/groupes-pays/armenie/"' in body
    assert "Le groupe-pays" not in client.get("/pays/japon/").content.decode(), "no group page for Japon"


def test_the_hub_ignores_an_unpublished_group_page(client, network):
    network["groups"]["armenie"].unpublish()
    assert 'href="/groupes-pays/armenie/"' not in client.get("/pays/armenie/").content.decode()


def test_search_finds_a_group_page(client, network):
    body = client.get("/recherche/", {"q": "Assises Goris"}).content.decode()
    assert "Groupe-pays Arménie" in body


def test_a_country_has_one_group_only(network):
    from django.core.exceptions import ValidationError

    duplicate = CountryGroupPage(title="Doublon", slug="doublon", country=network["countries"]["armenie"])
    with pytest.raises(ValidationError):
        duplicate.full_clean()


def test_group_page_lists_articles_only_when_visible(client, network, site_tree):
    ArticlePageFactory(
        parent=site_tree["articles"], title="Brouillon Arménie", countries=[network["countries"]["armenie"]], live=False
    )
    assert "Brouillon Arménie" not in client.get("/groupes-pays/armenie/").content.decode()


def test_a_group_factory_without_members_renders(client, network):
    CountryGroupPageFactory(parent=network["index"], country=network["countries"]["japon"])
    body = client.get("/groupes-pays/japon/").content.decode()
    assert "Aucune collectivité membre pour le moment." in body
    assert "Aucune réunion à venir pour le moment." in body


def test_the_hub_ignores_a_private_group_page(client, network):
    from wagtail.models import PageViewRestriction

    PageViewRestriction.objects.create(page=network["groups"]["armenie"], restriction_type=PageViewRestriction.LOGIN)
    body = client.get("/pays/armenie/").content.decode()
    assert 'href="/groupes-pays/armenie/"' not in body and "Assises de Goris" not in body
