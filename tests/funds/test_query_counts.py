"""The new listings and the fund page cost a fixed number of queries, for 10 or 200 items."""

import datetime
from decimal import Decimal

import pytest
from django.core.cache import caches
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from calls.models import CallPage
from funds.models import FundContribution, FundDecision, FundedProject, FundPage
from tests.factories import CollectiviteFactory, CountryFactory, FundPageFactory, ThemeFactory

pytestmark = pytest.mark.django_db

# Every page reads the menus edited in the admin (core/navigation.py): +1 with empty menus, as here.
# A fund page with contributions: +1 for the directory's URL, to link each contributor.
BUDGETS = {"funds": 12, "calls": 16, "fund": 18}


def cold_queries(client, url):
    client.get(url)
    for alias in caches:
        caches[alias].clear()
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return response, len(queries)


def add_funds(parent, count, start, terms):
    for n in range(start, start + count):
        fund = FundPage(
            title=f"Fonds {n}",
            slug=f"fonds-{n}",
            status="clos" if n % 3 == 0 else "ouvert",
            target_amount=Decimal("100000"),
            amount_collected=Decimal(1000 * n),
            intro="Un fonds.",
        )
        parent.add_child(instance=fund)
        fund.countries.set([terms[0][n % 2]])
        fund.themes.set([terms[1][n % 2]])


def add_calls(parent, count, start, terms):
    now = timezone.now()
    for n in range(start, start + count):
        call = CallPage(title=f"Appel {n}", slug=f"appel-{n}", deadline=now + datetime.timedelta(days=1 + n))
        parent.add_child(instance=call)
        call.countries.set([terms[0][n % 2]])
        call.themes.set([terms[1][n % 2]])


@pytest.fixture
def terms(db):
    countries = [CountryFactory(name="Liban", slug="liban"), CountryFactory(name="Haïti", slug="haiti")]
    themes = [ThemeFactory(name="Eau", slug="eau"), ThemeFactory(name="Santé", slug="sante")]
    return countries, themes


def test_fund_index_costs_the_same_for_10_and_200_funds(client, tree, terms):
    add_funds(tree["funds"], 10, 0, terms)
    _, few = cold_queries(client, "/fonds-de-solidarite/")
    add_funds(tree["funds"], 190, 10, terms)
    response, many = cold_queries(client, "/fonds-de-solidarite/")

    assert response.content.decode().count('class="fund-item__title"') == 200
    print(f"\n/fonds-de-solidarite/: {few} queries for 10 funds, {many} for 200")
    assert few == many <= BUDGETS["funds"], (few, many)


def test_call_index_costs_the_same_for_10_and_200_calls_and_any_filter(client, tree, terms):
    add_calls(tree["calls"], 10, 0, terms)
    _, few = cold_queries(client, "/appels/")
    add_calls(tree["calls"], 190, 10, terms)
    response, many = cold_queries(client, "/appels/")
    _, filtered = cold_queries(client, "/appels/?statut=imminent&pays=liban&thematique=eau")
    _, archive = cold_queries(client, "/appels/?statut=clos")

    assert "200 résultats" in response.content.decode()
    print(f"\n/appels/: {few} queries for 10 calls, {many} for 200, {filtered} filtered, {archive} archive")
    assert few == many <= BUDGETS["calls"], (few, many)
    assert filtered <= many and archive <= many, (filtered, archive)


def test_fund_page_costs_the_same_for_10_and_200_contributions_projects_decisions(client, tree, terms):
    fund = FundPageFactory(parent=tree["funds"], slug="gaza", countries=[terms[0][0]], themes=[terms[1][0]])

    def fill(count):
        collectivites = [CollectiviteFactory(name=f"Commune {n}") for n in range(count)]
        fund.contributions = [
            FundContribution(collectivite=c, amount=Decimal(100), show_amount=True) for c in collectivites
        ]
        fund.projects = [FundedProject(name=f"Projet {n}", amount=Decimal(10), spent=Decimal(1)) for n in range(count)]
        fund.decisions = [FundDecision(date=datetime.date(2025, 1, 1), text=f"Décision {n}") for n in range(count)]
        fund.save_revision().publish()

    fill(10)
    _, few = cold_queries(client, "/fonds-de-solidarite/gaza/")
    fill(200)
    response, many = cold_queries(client, "/fonds-de-solidarite/gaza/")

    assert response.content.decode().count('class="project-item__name"') == 200
    print(f"\nfund page: {few} queries for 10 contributions/projects/decisions, {many} for 200")
    assert few == many <= BUDGETS["fund"], (few, many)
    _, csv_queries = cold_queries(client, "/fonds-de-solidarite/gaza/transparence.csv")
    assert csv_queries <= 10
