"""Keyboard only: from the homepage to a solidarity fund, its projects, and an open call.

Screenshots of each step go to artifacts/e2e/funds/ (described in the issue's closing note).
"""

import pytest

pytestmark = pytest.mark.e2e

ACTIVE = """() => {
    const el = document.activeElement;
    return el ? {text: (el.textContent || "").trim(), href: el.getAttribute("href") || "", tag: el.tagName} : null;
}"""


def tab_to(page, text, limit=120):
    """Press Tab until the focused element's text contains `text`; fail with where focus went."""
    seen = []
    for _ in range(limit):
        page.keyboard.press("Tab")
        active = page.evaluate(ACTIVE)
        if active and text in active["text"]:
            return active
        seen.append(active and active["text"][:40])
    raise AssertionError(f"« {text} » was never focused; focus went through {seen[-15:]}")


@pytest.fixture
def shots(artifacts_dir):
    folder = artifacts_dir / "funds"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@pytest.mark.parametrize("width", [375, 1280])
def test_homepage_to_a_fund_its_projects_and_an_open_call_with_the_keyboard(new_page, width, shots):
    page = new_page(width=width)
    page.goto("/")
    if width < 700:  # the main menu is behind its toggle on small screens
        tab_to(page, "Menu")
        page.keyboard.press("Enter")

    tab_to(page, "Fonds de solidarité")
    page.keyboard.press("Enter")
    page.wait_for_url("**/fonds-de-solidarite/")
    assert page.locator("h1").inner_text() == "Fonds de solidarité"
    bars = page.locator("progress.fund-progress__bar")
    assert bars.count() >= 4
    assert "collectés sur" in page.locator(".fund-progress__text").first.inner_text()
    page.screenshot(path=shots / f"fonds-index-{width}.png", full_page=True)

    tab_to(page, "Fonds de solidarité Gaza")
    page.keyboard.press("Enter")
    page.wait_for_url("**/fonds-de-solidarite/gaza/")
    assert "265 700 € collectés sur 300 000 €" in page.locator(".fund-progress__text").inner_text().replace(
        "\u202f", " "
    ).replace("\u00a0", " ")
    tab_to(page, "Projets financés")
    page.keyboard.press("Enter")
    page.wait_for_url("**#projets")
    assert page.locator("#projets").is_visible()
    assert page.locator(".project-item__name").count() >= 2
    assert page.locator("#contributions + ul li").filter(has_text="Ville de Paris").count() == 1
    page.screenshot(path=shots / f"fonds-gaza-projets-{width}.png")

    page.goto("/")
    if width < 700:
        tab_to(page, "Menu")
        page.keyboard.press("Enter")
    tab_to(page, "Appels")
    page.keyboard.press("Enter")
    page.wait_for_url("**/appels/")
    first_call = page.locator(".call-item__title a").first.inner_text()
    tab_to(page, first_call)
    page.keyboard.press("Enter")
    page.wait_for_load_state()
    assert page.locator("h1").inner_text().startswith(first_call)
    badge = page.locator("h1 .badge").inner_text().lower()
    assert badge in {"ouvert", "clôture imminente"}
    assert page.locator("text=Date limite").first.is_visible()
    page.screenshot(path=shots / f"appel-ouvert-{width}.png", full_page=True)


def test_pledge_form_errors_are_announced_next_to_fields(new_page, shots):
    page = new_page(width=1280)
    page.goto("/fonds-de-solidarite/gaza/promesse/")
    tab_to(page, "Envoyer la promesse")
    page.keyboard.press("Enter")
    page.wait_for_load_state()

    assert page.locator("[role=alert]").inner_text().startswith("La promesse n’a pas été envoyée.")
    amount = page.locator("#id_amount")
    assert amount.get_attribute("aria-invalid") == "true"
    assert page.locator("#id_amount_error").inner_text().strip() == "Indiquez le montant promis."
    page.screenshot(path=shots / "promesse-erreurs-1280.png", full_page=True)
