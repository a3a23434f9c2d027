"""axe-core (WCAG 2.2 A and AA rules) finds no violation on any public page type, at 375 and 1280 px."""

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.e2e.pages import EXPECTED_STATUS, PAGE_TYPES

pytestmark = pytest.mark.e2e

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
AXE = Axe()


def describe(violations):
    lines = []
    for violation in violations:
        targets = [" ".join(node["target"]) for node in violation["nodes"][:5]]
        lines.append(f"{violation['id']} ({violation['impact']}): {violation['help']} → {targets}")
    return "\n".join(lines)


@pytest.mark.parametrize("width", [375, 1280])
@pytest.mark.parametrize("page_type", PAGE_TYPES)
def test_no_axe_violation(new_page, page_path, artifacts_dir, page_type, width):
    path = page_path(page_type)
    page = new_page(width=width)
    response = page.goto(path, wait_until="load")
    assert response.status == EXPECTED_STATUS.get(page_type, 200)

    results = AXE.run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}, "resultTypes": ["violations"]})
    summary = artifacts_dir / "axe"
    summary.mkdir(exist_ok=True)
    (summary / f"{page_type}-{width}.txt").write_text(f"{path}\t{len(results.response['violations'])}\n")

    # The screenshot shows the images that are lazy-loaded below the fold too.
    page.evaluate("document.querySelectorAll('img[loading=lazy]').forEach(img => { img.loading = 'eager'; })")
    page.wait_for_load_state("networkidle")
    page.screenshot(path=artifacts_dir / f"{page_type}-{width}.png", full_page=True)

    violations = results.response["violations"]
    assert violations == [], f"{path} à {width} px :\n{describe(violations)}"
