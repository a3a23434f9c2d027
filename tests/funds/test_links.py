"""The path a visitor follows between a groupe-pays, its fund and the local governments that contributed."""

import datetime
from decimal import Decimal

import pytest

from funds.models import FundContribution
from tests.factories import FundPageFactory, build_funds_and_calls
from tests.groups.network import build_network

pytestmark = pytest.mark.django_db


@pytest.fixture
def network(site_tree):
    network = build_network(site_tree)
    network["funds"] = build_funds_and_calls(site_tree["home"])["funds"]
    return network


def lebanon_fund(network, title="Fonds de solidarité Liban", **kwargs):
    collectivites = network["collectivites"]
    fund = FundPageFactory(parent=network["funds"], title=title, countries=[network["countries"]["liban"]], **kwargs)
    fund.contributions = [
        FundContribution(
            collectivite=collectivites["paris"],
            amount=Decimal("100000"),
            show_amount=True,
            vote_date=datetime.date(2020, 9, 21),
        ),
        FundContribution(collectivite=collectivites["isere"], amount=Decimal("5000"), show_amount=False),
    ]
    fund.save_revision().publish()
    return fund


def test_a_group_page_shows_the_funds_of_its_country_with_their_progress(client, network):
    fund = lebanon_fund(network)
    FundPageFactory(parent=network["funds"], title="Fonds Arménie", countries=[network["countries"]["armenie"]])
    draft = FundPageFactory(
        parent=network["funds"], title="Fonds Liban en préparation", countries=[network["countries"]["liban"]]
    )
    draft.unpublish()

    body = client.get("/groupes-pays/liban/").content.decode()

    assert '<h2 id="groupe-fonds">Fonds de solidarité</h2>' in body
    assert f'<a href="{fund.url}">Fonds de solidarité Liban</a>' in body
    assert "collectés sur" in body  # the progress, as text
    assert "Fonds Arménie" not in body and "Fonds Liban en préparation" not in body
    armenie = client.get("/groupes-pays/armenie/").content.decode()
    assert "Fonds Arménie" in armenie and "Fonds de solidarité Liban" not in armenie


def test_a_group_without_fund_has_no_fund_section(client, network):
    body = client.get("/groupes-pays/armenie/").content.decode()
    assert 'id="groupe-fonds"' not in body


def test_a_fund_page_links_each_contributor_to_its_page_in_the_directory(client, network):
    fund = lebanon_fund(network)

    body = client.get(fund.url).content.decode()

    assert '<a href="/collectivites/paris/">Ville de Paris</a> : 100\u202f000\u00a0€' in body
    assert '<a href="/collectivites/isere/">Département de l’Isère</a>' in body
    assert "5\u202f000" not in body  # the amount it did not agree to show
    assert client.get("/collectivites/paris/").status_code == 200


def test_without_a_directory_contributors_are_named_without_links(client, network):
    network["directory"].unpublish()
    fund = lebanon_fund(network)

    body = client.get(fund.url).content.decode()

    assert "Ville de Paris : 100\u202f000\u00a0€" in body
    assert "/collectivites/paris/" not in body


def test_a_local_government_lists_its_contributions_linked_to_the_funds(client, network):
    fund = lebanon_fund(network)
    draft = lebanon_fund(network, title="Fonds Liban en préparation")
    draft.unpublish()

    body = client.get("/collectivites/paris/").content.decode()

    assert '<h2 id="collectivite-fonds">Contributions aux fonds de solidarité</h2>' in body
    assert f'<a href="{fund.url}">Fonds de solidarité Liban</a> : 100\u202f000\u00a0€' in body
    assert '(vote du conseil du <time datetime="2020-09-21">21 septembre 2020</time>)' in body
    assert "Fonds Liban en préparation" not in body
    isere = client.get("/collectivites/isere/").content.decode()
    assert f'<a href="{fund.url}">Fonds de solidarité Liban</a></li>' in isere  # no amount: not agreed
