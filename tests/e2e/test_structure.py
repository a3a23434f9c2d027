"""Structure a screen reader relies on: one h1, landmarks, lang, breadcrumbs, link text, dates, badges."""

import re

import pytest

from tests.e2e.pages import PAGE_TYPES

pytestmark = pytest.mark.e2e

# Pages below the home page in the tree show where the visitor is.
WITH_BREADCRUMBS = {
    "actualites", "agenda", "agenda-passes", "centre-de-ressources", "page-standard", "article", "evenement",
    "ressource-texte", "ressource-photo", "ressource-son", "ressource-video",
}  # fmt: skip
GENERIC_LINK_TEXT = {"en savoir plus", "lire la suite", "ici", "cliquez ici", "plus", "suite", "voir", "lien"}

OUTLINE = """() => ({
    lang: document.documentElement.lang,
    title: document.title,
    h1: document.querySelectorAll('h1').length,
    banner: document.querySelectorAll('body > header').length,
    main: document.querySelectorAll('main').length,
    contentinfo: document.querySelectorAll('body > footer').length,
    mainNav: document.querySelectorAll('nav[aria-label="Menu principal"]').length,
    unnamedNavs: [...document.querySelectorAll('nav')].filter(nav => !nav.getAttribute('aria-label')).length,
    links: [...document.querySelectorAll('a[href]')].map(a => ({
        text: (a.getAttribute('aria-label') || a.textContent).replace(/\\s+/g, ' ').trim(),
        visible: a.innerText.replace(/\\s+/g, ' ').trim(),
    })),
    times: [...document.querySelectorAll('time')].map(t => t.getAttribute('datetime')),
})"""
ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2})?([+-]\d{2}:\d{2}|Z)?)?$")


@pytest.mark.parametrize("page_type", PAGE_TYPES)
def test_page_outline(new_page, page_path, page_type):
    page = new_page(width=1280)
    page.goto(page_path(page_type))
    outline = page.evaluate(OUTLINE)

    assert outline["lang"] == "fr"
    assert outline["title"].endswith("Cités Unies France")
    assert outline["h1"] == 1, f"{outline['h1']} h1 elements"
    assert (outline["banner"], outline["main"], outline["contentinfo"], outline["mainNav"]) == (1, 1, 1, 1)
    assert outline["unnamedNavs"] == 0, "every nav landmark has a name"
    for link in outline["links"]:
        assert link["text"], "a link without an accessible name"
        assert link["text"].lower().strip(" :.›‹←→") not in GENERIC_LINK_TEXT, f"link « {link['text']} » out of context"
    for value in outline["times"]:
        assert value and ISO_DATE.match(value), f"<time datetime={value!r}> is not a machine-readable date"

    breadcrumbs = page.locator('nav[aria-label="Fil d’Ariane"]')
    if page_type in WITH_BREADCRUMBS:
        assert breadcrumbs.count() == 1
        assert breadcrumbs.get_by_role("link").first.inner_text() == "Accueil"
        current = breadcrumbs.locator('[aria-current="page"]')
        assert current.count() == 1
        assert current.inner_text().strip() == page.locator("h1").inner_text().strip() or page_type == "agenda-passes"


def test_more_links_name_what_they_lead_to(new_page):
    page = new_page(width=1280)
    page.goto("/actualites/")
    more = page.get_by_role("link", name=re.compile(r"^En savoir plus : .+"))
    titles = page.locator(".card__title a").all_inner_texts()
    assert more.count() == len(titles) > 0
    assert [name.split(" : ", 1)[1] for name in more.all_text_contents()] == titles


def test_dates_are_machine_readable_on_listings_and_details(new_page, page_path):
    page = new_page(width=1280)
    for page_type in ("actualites", "article", "agenda", "evenement"):
        page.goto(page_path(page_type))
        assert page.locator("main time[datetime]").count() > 0, f"no <time datetime> on {page_type}"


def test_event_status_is_written_not_only_coloured(new_page):
    page = new_page(width=1280)
    badges = []
    for path in ("/agenda/", "/agenda/passes/"):
        page.goto(path)
        badges += page.locator("main .badge").evaluate_all(
            "els => els.map(el => ({text: el.innerText.trim().toLowerCase(),"
            " href: el.closest('li, article').querySelector('h2 a, h3 a').getAttribute('href')}))"
        )
    assert {badge["text"] for badge in badges} >= {"annulé", "reporté"}, badges

    cancelled = next(badge for badge in badges if badge["text"] == "annulé")
    page.goto(cancelled["href"])
    assert page.locator("h1 .badge").inner_text().strip().lower() == "annulé"
    assert "Cet événement est annulé." in page.locator("main").inner_text()
