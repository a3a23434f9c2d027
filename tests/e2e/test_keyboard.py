"""Keyboard paths: skip link, visible focus everywhere, no trap, main menu on small screens, pagination."""

import re

import pytest

pytestmark = pytest.mark.e2e

# What the focused element looks like; media players draw their own focus ring inside their controls.
FOCUS_STATE = """() => {
    const el = document.activeElement;
    if (!el || el === document.body) return null;
    const style = getComputedStyle(el);
    const box = el.getBoundingClientRect();
    return {
        tag: el.tagName.toLowerCase(),
        label: (el.getAttribute("aria-label") || el.textContent || el.getAttribute("href") || "").trim().slice(0, 60),
        focusVisible: el.matches(":focus-visible"),
        outline: style.outlineStyle !== "none" && parseFloat(style.outlineWidth) >= 2,
        shadow: style.boxShadow !== "none",
        inMain: !!el.closest("main"),
        isSkipLink: el.classList.contains("skip-link"),
        width: box.width,
        height: box.height,
        inViewport: box.bottom > 0 && box.top < window.innerHeight && box.right > 0 && box.left < window.innerWidth,
    };
}"""
MEDIA = {"audio", "video"}


def tab(page):
    page.keyboard.press("Tab")
    return page.evaluate(FOCUS_STATE)


def test_skip_link_is_first_and_moves_focus_to_main(new_page, page_path):
    page = new_page(width=375)
    page.goto(page_path("article"))

    first = tab(page)

    assert first["isSkipLink"] and first["label"] == "Aller au contenu"
    assert first["inViewport"] and first["height"] > 0, "the skip link shows when it has focus"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "contenu"
    assert page.evaluate("document.activeElement.tagName") == "MAIN"
    following = tab(page)
    assert following["inMain"], "after the skip link, Tab continues inside the main content"


@pytest.mark.parametrize("page_type", ["accueil", "actualites", "article", "evenement", "ressource-son", "404"])
def test_every_focusable_element_shows_focus_and_tab_order_has_no_trap(new_page, page_path, page_type):
    page = new_page(width=1280)
    page.goto(page_path(page_type))
    focusable = page.evaluate(
        """() => [...document.querySelectorAll('a[href], button, input, select, textarea, summary, audio[controls],'
                + ' video[controls], [tabindex]:not([tabindex="-1"])')].filter(el => el.getClientRects().length
                && getComputedStyle(el).visibility !== 'hidden').length"""
    )
    seen = []
    for _ in range(focusable + 30):
        state = tab(page)
        if state is None or (seen and state["isSkipLink"]):
            break  # focus left the page or came back round: the tab order has an end
        seen.append(state)
    else:
        pytest.fail(f"Tab never leaves the page after {len(seen)} stops: keyboard trap near {seen[-1]}")

    assert len(seen) >= focusable - 1, f"only {len(seen)} of {focusable} focusable elements reached with Tab"
    for state in seen:
        if state["tag"] in MEDIA:
            continue
        assert state["focusVisible"], f"{state} does not match :focus-visible"
        assert state["outline"] or state["shadow"], f"no visible focus indicator on {state}"
        assert state["width"] > 1 and state["height"] > 1, f"focused element is invisible: {state}"


def test_main_menu_opens_and_closes_with_the_keyboard_on_small_screens(new_page, page_path):
    page = new_page(width=375)
    page.goto("/")
    button = page.get_by_role("button", name="Menu")
    menu = page.locator("#menu-principal")
    assert button.get_attribute("aria-controls") == "menu-principal"
    assert button.get_attribute("aria-expanded") == "false"
    assert not menu.is_visible()

    for _ in range(5):
        if tab(page)["tag"] == "button":
            break
    assert page.evaluate("document.activeElement.className") == "main-nav__toggle"
    page.keyboard.press("Enter")
    assert button.get_attribute("aria-expanded") == "true"
    assert menu.get_by_role("link", name="Agenda").is_visible()
    assert tab(page)["label"] == "Actualités"

    page.keyboard.press("Escape")
    assert button.get_attribute("aria-expanded") == "false"
    assert not menu.is_visible()
    assert page.evaluate("document.activeElement.className") == "main-nav__toggle", "Escape returns focus to the button"

    page.keyboard.press(" ")
    assert button.get_attribute("aria-expanded") == "true"
    page.keyboard.press("Enter")
    assert button.get_attribute("aria-expanded") == "false"


def test_main_menu_works_without_javascript_and_is_plain_on_wide_screens(new_page):
    page = new_page(width=375, java_script_enabled=False)
    page.goto("/")
    assert not page.locator(".main-nav__toggle").is_visible()
    assert page.locator("#menu-principal").get_by_role("link", name="Centre de ressources").is_visible()

    wide = new_page(width=1280)
    wide.goto("/")
    assert not wide.locator(".main-nav__toggle").is_visible()
    assert wide.locator("#menu-principal").get_by_role("link", name="Centre de ressources").is_visible()


def test_pagination_is_usable_with_the_keyboard(new_page):
    page = new_page(width=375)
    page.goto("/actualites/")
    # Start from the last card's link (Tab reaching every link is proven above), then go on with the keyboard.
    page.locator("main .card__more a").last.focus()
    for _ in range(20):
        state = tab(page)
        if page.evaluate("document.activeElement.getAttribute('rel')") == "next":
            break
    else:
        pytest.fail("the « Suivante » pagination link is not reachable with Tab")
    assert "Suivante" in state["label"]
    assert state["focusVisible"] and state["outline"]

    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"[?&]page=2"))
    current = page.locator('.pagination [aria-current="page"]')
    assert current.inner_text().strip().endswith("2")
