"""Reflow at 320 px, text zoom to 200 %, reduced motion and the print stylesheet."""

import pytest

from tests.e2e.pages import PAGE_TYPES

pytestmark = pytest.mark.e2e

OVERFLOW = """() => {
    const width = document.documentElement.clientWidth;
    const wide = [...document.querySelectorAll('body *')]
        .filter(el => el.getClientRects().length && el.getBoundingClientRect().right > width + 1
                && !el.closest('.visually-hidden, .skip-link'))
        .slice(0, 5)
        .map(el => el.tagName.toLowerCase() + (el.className ? '.' + String(el.className).split(' ')[0] : ''));
    return {scroll: document.documentElement.scrollWidth, width, wide};
}"""


@pytest.mark.parametrize("page_type", PAGE_TYPES)
def test_no_horizontal_scrolling_at_320_px(new_page, page_path, page_type):
    page = new_page(width=320, height=640)
    page.goto(page_path(page_type))
    state = page.evaluate(OVERFLOW)
    assert state["scroll"] <= state["width"], f"scrolls sideways at 320 px: {state}"
    assert state["wide"] == [], f"content wider than the screen: {state}"


@pytest.mark.parametrize("page_type", ["accueil", "article", "evenement", "agenda"])
def test_text_zoom_to_200_percent_loses_nothing(new_page, page_path, artifacts_dir, page_type):
    page = new_page(width=1280)
    page.goto(page_path(page_type))
    base_size = page.evaluate("parseFloat(getComputedStyle(document.querySelector('main p')).fontSize)")

    # Text-only zoom, as a browser's "zoom text only" or a user font size of 32 px does.
    page.evaluate("document.documentElement.style.fontSize = '200%'")

    zoomed_size = page.evaluate("parseFloat(getComputedStyle(document.querySelector('main p')).fontSize)")
    assert zoomed_size == pytest.approx(2 * base_size, rel=0.05), "text sizes follow the user's font size"
    state = page.evaluate(OVERFLOW)
    assert state["scroll"] <= state["width"] and state["wide"] == [], f"text zoom makes the page overflow: {state}"
    clipped = page.evaluate(
        """() => [...document.querySelectorAll('h1, h2, h3, p, a, li, dt, dd')]
            .filter(el => el.getClientRects().length && !el.closest('.visually-hidden')
                    && el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflowX === 'hidden')
            .map(el => el.textContent.trim().slice(0, 40))"""
    )
    assert clipped == [], f"text cut off at 200 %: {clipped}"
    assert page.get_by_role("link", name="Aller au contenu").count() == 1
    for name in ("Actualités", "Agenda", "Centre de ressources"):
        assert page.locator("#menu-principal").get_by_role("link", name=name).is_visible()
    page.screenshot(path=artifacts_dir / f"{page_type}-texte-200.png", full_page=True)


def test_reduced_motion_is_respected(new_page):
    page = new_page(width=1280)
    page.emulate_media(reduced_motion="no-preference")
    page.goto("/")
    assert page.evaluate("getComputedStyle(document.documentElement).scrollBehavior") == "smooth"
    link_transition = "parseFloat(getComputedStyle(document.querySelector('#menu-principal a')).transitionDuration)"
    assert page.evaluate(link_transition) > 0

    page.emulate_media(reduced_motion="reduce")
    assert page.evaluate("getComputedStyle(document.documentElement).scrollBehavior") == "auto"
    assert page.evaluate(link_transition) < 0.001


@pytest.mark.parametrize("page_type", ["article", "evenement"])
def test_print_stylesheet_keeps_the_content_and_drops_the_navigation(new_page, page_path, artifacts_dir, page_type):
    page = new_page(width=1280)
    page.goto(page_path(page_type))
    page.emulate_media(media="print")

    hidden = page.evaluate(
        """() => ['.main-nav', '.breadcrumbs', '.skip-link', '.back-link', '.site-footer__social']
            .filter(sel => document.querySelector(sel))
            .map(sel => [sel, getComputedStyle(document.querySelector(sel)).display])"""
    )
    assert all(display == "none" for _, display in hidden), hidden
    assert page.locator("h1").is_visible()
    assert page.locator(".detail__body").is_visible()
    assert page.evaluate("getComputedStyle(document.querySelector('.site-header')).backgroundColor") in {
        "rgba(0, 0, 0, 0)",
        "transparent",
    }
    assert page.evaluate("getComputedStyle(document.body).color") == "rgb(0, 0, 0)"
    page.pdf(path=artifacts_dir / f"{page_type}-impression.pdf", format="A4")
