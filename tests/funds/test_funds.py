"""Fund pages as a visitor reads them: status from the clock, progress as text, projects, transparency."""

import csv
import datetime
import io
import json
import re
from decimal import Decimal

import pytest
import time_machine
from django.test import Client
from django.utils import timezone

from funds.models import FundContribution, FundDecision, FundedProject, FundIndexPage, FundPage
from funds.money import format_euros
from home.models import HomePage
from tests.factories import CollectiviteFactory, CountryFactory, FundPageFactory

pytestmark = pytest.mark.django_db

NNBSP, NBSP = "\u202f", "\u00a0"


def paris(*args):
    return timezone.make_aware(datetime.datetime(*args))


def test_tree_rules():
    assert FundIndexPage.parent_page_types == ["home.HomePage"]
    assert FundPage.parent_page_types == ["funds.FundIndexPage"]
    assert FundPage.allowed_parent_page_models() == [FundIndexPage]
    assert not FundPage.allowed_subpage_models()
    assert HomePage in FundIndexPage.allowed_parent_page_models()


def test_only_one_fund_index(tree):
    assert not FundIndexPage.can_create_at(tree["home"])
    assert FundPage.can_create_at(tree["funds"])
    assert not FundPage.can_create_at(tree["home"])


def test_euros_in_french_format():
    assert format_euros(Decimal("265700")) == f"265{NNBSP}700{NBSP}€"
    assert format_euros(Decimal("1250.5")) == f"1{NNBSP}250,50{NBSP}€"
    assert format_euros(Decimal("0")) == f"0{NBSP}€"
    assert format_euros(None) == ""


def test_fund_closes_the_day_after_its_closing_date_with_no_save(tree):
    fund = FundPageFactory(parent=tree["funds"], closing_date=datetime.date(2026, 3, 10))
    with time_machine.travel(paris(2026, 3, 10, 23, 59), tick=False):
        assert fund.current_status == "ouvert"
        assert fund in FundPage.objects.open()
        assert "Promettre une contribution" in tree_client_get(fund.url)
    with time_machine.travel(paris(2026, 3, 11, 0, 1), tick=False):
        assert fund.current_status == "clos"
        assert fund in FundPage.objects.closed()
        assert fund not in FundPage.objects.open()
        assert "Ce fonds est clos" in tree_client_get(fund.url)
    since, until = paris(2026, 3, 10, 23, 50), paris(2026, 3, 11, 0, 5)
    assert list(FundPage.objects.closed_between(since, until)) == [fund]
    assert not FundPage.objects.closed_between(paris(2026, 3, 11, 0, 5), paris(2026, 3, 11, 0, 10)).exists()


def tree_client_get(url):
    return Client().get(url).content.decode()


def test_index_lists_open_funds_first_with_a_progress_bar_that_is_text(client, tree):
    FundPageFactory(parent=tree["funds"], title="Fonds Liban", status="clos", opening_date=datetime.date(2024, 1, 1))
    FundPageFactory(parent=tree["funds"], title="Fonds Gaza", opening_date=datetime.date(2023, 10, 20))
    FundPageFactory(parent=tree["funds"], title="Fonds brouillon", live=False)

    html = client.get("/fonds-de-solidarite/").content.decode()

    assert html.index("Fonds Gaza") < html.index("Fonds Liban")
    assert "Fonds brouillon" not in html
    assert f"265{NNBSP}700{NBSP}€</strong> collectés sur 300{NNBSP}000{NBSP}€" in html
    assert re.search(
        r'<progress class="fund-progress__bar" max="100" value="89" aria-labelledby="progression-\d+">', html
    )
    assert "style=" not in html
    assert html.count("badge--open") == 1 and html.count("badge--closed") == 1


def test_fund_page_shows_projects_decisions_and_only_consented_amounts(client, tree):
    country = CountryFactory(name="Palestine", slug="palestine")
    fund = FundPageFactory(parent=tree["funds"], title="Fonds Gaza", countries=[country])
    lyon = CollectiviteFactory(name="Ville de Lyon")
    nantes = CollectiviteFactory(name="Ville de Nantes")
    fund.contributions = [
        FundContribution(
            collectivite=lyon, amount=Decimal("50000"), show_amount=True, vote_date=datetime.date(2025, 2, 3)
        ),
        FundContribution(collectivite=nantes, amount=Decimal("12345"), show_amount=False),
    ]
    fund.decisions = [
        FundDecision(date=datetime.date(2025, 4, 1), text="Le comité retient deux projets d’eau potable.")
    ]
    fund.projects = [
        FundedProject(
            name="Réseau d’eau à Khan Younès",
            partner="PHG",
            amount=Decimal("120000"),
            spent=Decimal("40000"),
            status="en-cours",
        ),
        FundedProject(name="Cuisines collectives", partner="ONG locale", amount=Decimal("30000"), status="finance"),
    ]
    fund.save_revision().publish()

    response = client.get(fund.url)
    html = response.content.decode()

    assert response.status_code == 200
    assert "Réseau d’eau à Khan Younès" in html and "Partenaire : PHG" in html and "En cours" in html
    assert "Le comité retient deux projets d’eau potable." in html
    assert f"Ville de Lyon : 50{NNBSP}000{NBSP}€" in html
    assert "Ville de Nantes" in html and "12" + NNBSP + "345" not in html
    # Transparency: collected, allocated, spent, left.
    for label, amount in [("Alloué aux projets", "150 000"), ("Dépensé", "40 000"), ("Reste à allouer", "115 700")]:
        assert re.search(rf"{label}</th><td>{amount.replace(' ', NNBSP)}{NBSP}€", html), label
    assert "csrfmiddlewaretoken" not in html  # the page stays cacheable: the form has its own URL
    data = [
        json.loads(block) for block in re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    ]
    donate = next(item for item in data if item.get("@type") == "DonateAction")
    assert donate["result"] == {
        "@type": "MonetaryAmount",
        "name": "Montant collecté",
        "currency": "EUR",
        "value": "265700.00",
    }
    assert donate["target"]["urlTemplate"].endswith(fund.url + "promesse/")


def test_transparency_csv_for_excel_in_french(client, tree):
    fund = FundPageFactory(parent=tree["funds"], title="Fonds Haïti", slug="haiti", amount_collected=Decimal("140000"))
    fund.projects = [
        FundedProject(
            name="École de Jacmel",
            partner="Mairie de Jacmel",
            amount=Decimal("60000.5"),
            spent=Decimal("12000"),
            status="en-cours",
        )
    ]
    fund.save_revision().publish()

    response = client.get("/fonds-de-solidarite/haiti/transparence.csv")

    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="transparence-haiti.csv"'
    assert response.content.startswith("\ufeff".encode())
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    assert rows[0] == ["Fonds", "Projet", "Partenaire", "Statut", "Montant alloué (€)", "Montant dépensé (€)"]
    assert rows[1] == ["Fonds Haïti", "École de Jacmel", "Mairie de Jacmel", "En cours", "60000,50", "12000,00"]
    totals = {row[1]: row for row in rows[3:]}
    assert totals["Total collecté au 30/06/2025"][4] == "140000,00"
    assert totals["Total alloué aux projets"][4] == "60000,50"
    assert totals["Total dépensé"][5] == "12000,00"
    assert totals["Reste à allouer"][4] == "79999,50"


def test_csv_cells_cannot_run_as_formulas(client, tree):
    fund = FundPageFactory(parent=tree["funds"], slug="formule")
    fund.projects = [FundedProject(name='=HYPERLINK("http://x")', partner="+33", amount=Decimal("1"))]
    fund.save_revision().publish()

    rows = list(
        csv.reader(
            io.StringIO(client.get("/fonds-de-solidarite/formule/transparence.csv").content.decode("utf-8-sig")),
            delimiter=";",
        )
    )

    assert rows[1][1] == '\'=HYPERLINK("http://x")' and rows[1][2] == "'+33"


def test_search_finds_a_fund(client, tree):
    FundPageFactory(
        parent=tree["funds"], title="Fonds Madagascar", intro="Après le cyclone Gezani, reconstruire les écoles."
    )

    html = client.get("/recherche/", {"q": "cyclone Gezani"}).content.decode()

    assert "Fonds Madagascar" in html


def test_sitemap_lists_funds(client, tree):
    fund = FundPageFactory(parent=tree["funds"], title="Fonds Ukraine")

    xml = client.get("/sitemap-pages.xml").content.decode()

    assert fund.url in xml and "/fonds-de-solidarite/" in xml


def test_publishing_a_fund_purges_the_page_cache(client, tree, settings, django_capture_on_commit_callbacks):
    settings.PAGE_CACHE = True
    fund = FundPageFactory(parent=tree["funds"], title="Fonds Ukraine", amount_collected=Decimal("300000"))
    for url in ("/fonds-de-solidarite/", fund.url):
        client.get(url)
        assert client.get(url)["X-Page-Cache"] == "hit"

    fund.amount_collected = Decimal("395000")
    with django_capture_on_commit_callbacks(execute=True):
        fund.save_revision().publish()

    for url in ("/fonds-de-solidarite/", fund.url):
        response = client.get(url)
        assert response["X-Page-Cache"] != "hit"
        assert f"395{NNBSP}000{NBSP}€" in response.content.decode()
