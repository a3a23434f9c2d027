"""Groupes-pays and the directory with the keyboard only: from the homepage to a group, its chair's page,
the directory filtered by region, and the members-only explanation. Screenshots in artifacts/e2e/."""

import contextlib
import re

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

from tests.e2e.test_keyboard import FOCUS_STATE, tab

pytestmark = pytest.mark.e2e


FOCUSED_IN_VIEW = """() => {
    const box = document.activeElement.getBoundingClientRect();
    return box.bottom > 0 && box.top < window.innerHeight;
}"""


def tab_to(page, name, limit=120):
    """Press Tab until the link or control named `name` has the focus; it must show it."""
    for _ in range(limit):
        state = tab(page)
        if state and state["label"].startswith(name):
            if not state["inViewport"]:
                # The site scrolls smoothly (prefers-reduced-motion: no-preference): the focused element
                # comes into view a few hundred milliseconds after the key press.
                with contextlib.suppress(PlaywrightTimeoutError):
                    page.wait_for_function(FOCUSED_IN_VIEW, timeout=2_000)
                state = page.evaluate(FOCUS_STATE)
            assert state["focusVisible"] and (state["outline"] or state["shadow"]), f"focus not visible on {state}"
            assert state["inViewport"], f"{name} has the focus but is off screen"
            return state
    pytest.fail(f"« {name} » is not reachable with Tab")


def follow_main_menu(page, width, name):
    """From the homepage, the main menu's link `name` with the keyboard (behind its toggle on small screens)."""
    page.goto("/")
    if width < 700:
        tab_to(page, "Menu")
        page.keyboard.press("Enter")
    tab_to(page, name)
    page.keyboard.press("Enter")


@pytest.mark.parametrize("width", [1280, 375])
def test_from_the_homepage_to_a_group_and_its_chair_with_the_keyboard(new_page, artifacts_dir, width):
    page = new_page(width=width)
    follow_main_menu(page, width, "Groupes-pays")
    page.wait_for_url("**/groupes-pays/")
    assert page.locator("h1").inner_text() == "Groupes-pays"
    assert page.get_by_role("heading", name="Europe").is_visible()

    tab_to(page, "Groupe-pays Arménie")
    page.keyboard.press("Enter")
    page.wait_for_url("**/groupes-pays/armenie/")
    assert page.locator("h1").inner_text() == "Groupe-pays Arménie"
    assert page.get_by_role("heading", name="Présidence et membres").is_visible()
    assert page.locator(".group__members li").count() >= 3
    assert "Assises" in page.locator("main").inner_text()
    page.screenshot(path=artifacts_dir / f"parcours-groupe-pays-{width}.png", full_page=True)

    tab_to(page, "Ville d’Alfortville")
    page.keyboard.press("Enter")
    page.wait_for_url("**/collectivites/alfortville/")
    assert page.locator("h1").inner_text() == "Ville d’Alfortville"
    groups = page.locator("main").get_by_role("link", name="Groupe-pays Arménie", exact=True)
    assert groups.is_visible()
    assert "(Présidente)" in page.locator("main").inner_text()
    page.screenshot(path=artifacts_dir / f"parcours-collectivite-{width}.png", full_page=True)


@pytest.mark.parametrize("width", [1280, 375])
def test_from_a_group_to_its_fund_a_contributor_and_back_with_the_keyboard(new_page, artifacts_dir, width):
    """Homepage → Groupe-pays Liban → its solidarity fund → a contributing local government → the fund."""
    page = new_page(width=width)
    follow_main_menu(page, width, "Groupes-pays")
    page.wait_for_url("**/groupes-pays/")
    tab_to(page, "Groupe-pays Liban")
    page.keyboard.press("Enter")
    page.wait_for_url("**/groupes-pays/liban/")
    assert page.get_by_role("heading", name="Fonds de solidarité", exact=True).is_visible()

    tab_to(page, "Fonds de solidarité Liban")
    page.keyboard.press("Enter")
    page.wait_for_url("**/fonds-de-solidarite/liban/")
    assert page.locator("h1").inner_text().startswith("Fonds de solidarité Liban")
    assert page.locator(".project-item__name").count() >= 1
    page.screenshot(path=artifacts_dir / f"parcours-groupe-fonds-{width}.png", full_page=True)

    tab_to(page, "Ville de Marseille")
    page.keyboard.press("Enter")
    page.wait_for_url("**/collectivites/marseille/")
    assert page.get_by_role("heading", name="Contributions aux fonds de solidarité").is_visible()
    page.screenshot(path=artifacts_dir / f"parcours-fonds-contributrice-{width}.png", full_page=True)

    tab_to(page, "Fonds de solidarité Liban")
    page.keyboard.press("Enter")
    page.wait_for_url("**/fonds-de-solidarite/liban/")


def test_the_directory_filters_by_region_with_the_keyboard(new_page, artifacts_dir):
    page = new_page(width=1280)
    page.goto("/")
    tab_to(page, "Collectivités")
    page.keyboard.press("Enter")
    page.wait_for_url("**/collectivites/")
    total = page.locator(".directory-item").count()
    assert total >= 20

    tab_to(page, "Tous les types")  # the first select of the form, then the region
    tab_to(page, "Toutes les régions")
    page.keyboard.press("ArrowDown")  # Auvergne-Rhône-Alpes, the first region
    assert page.evaluate("document.activeElement.value") == "auvergne-rhone-alpes"
    tab_to(page, "Tous les groupes-pays")
    tab_to(page, "Adhérentes ou non")
    tab_to(page, "Filtrer")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"region=auvergne-rhone-alpes"))
    items = page.locator(".directory-item")
    assert 0 < items.count() < total
    assert all("Auvergne-Rhône-Alpes" in text for text in items.all_inner_texts())
    assert page.locator('[role="status"]').inner_text().endswith("résultats")
    page.screenshot(path=artifacts_dir / "annuaire-filtre-region-1280.png", full_page=True)

    first = items.first.locator("a").inner_text()
    tab_to(page, first)
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/collectivites/[\w-]+/$"))
    assert page.locator("h1").inner_text() == first


def test_a_visitor_of_the_members_area_gets_the_explanation_and_a_way_to_ask(new_page, artifacts_dir):
    page = new_page(width=375)
    response = page.goto("/groupes-pays/armenie/espace-adherents/")
    assert response.status == 403
    assert page.locator("h1").inner_text() == "Espace réservé aux collectivités adhérentes"
    assert "Compte rendu" not in page.locator("main").inner_text()
    ask = page.get_by_role("link", name="Demander un accès par courriel")
    assert ask.get_attribute("href").startswith("mailto:")
    assert page.get_by_role("link", name="Se connecter").get_attribute("href").startswith("/_util/login/?next=")
    page.screenshot(path=artifacts_dir / "espace-reserve-375.png", full_page=True)
