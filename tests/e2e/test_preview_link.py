"""A partner without an account opens a shareable preview link: the draft shows, marked as such."""

import re
from urllib.parse import urlparse

import pytest
from playwright.sync_api import expect

from tests.e2e.test_axe import AXE, WCAG_TAGS, describe
from tests.e2e.test_workflow import log_in

pytestmark = pytest.mark.e2e


def test_a_partner_reads_a_draft_through_a_preview_link(new_page):
    writer = new_page(width=1280)
    log_in(writer, "redacteur")
    writer.goto("/admin/pages/")
    for parent in ("Accueil", "Actualités"):
        edit_url = writer.get_by_role("link", name=parent, exact=True).first.get_attribute("href")
        writer.goto(re.sub(r"edit/$", "", edit_url))
    first_article = writer.locator("a[href*='/edit/']").filter(has_text=re.compile(r"\w")).nth(1)
    page_id = re.search(r"/admin/pages/(\d+)/edit/", first_article.get_attribute("href")).group(1)

    writer.goto(f"/admin/liens-apercu/{page_id}/")
    writer.get_by_role("button", name="Créer un lien de prévisualisation").click()
    link = writer.get_by_label("Lien de prévisualisation").first.input_value()

    partner = new_page(width=375)
    response = partner.goto(urlparse(link).path)
    assert response.status == 200
    assert response.headers["x-robots-tag"] == "noindex, nofollow"
    banner = partner.get_by_role("note", name="Aperçu")
    expect(banner).to_contain_text("Aperçu d’une version non publiée.")
    expect(banner).to_contain_text("Ce lien d’aperçu expire le")
    results = AXE.run(partner, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}, "resultTypes": ["violations"]})
    assert results.response["violations"] == [], describe(results.response["violations"])
