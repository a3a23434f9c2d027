"""Front-end weight of the homepage, measured in the browser, and no request to another site."""

import json
import re
from urllib.parse import urlsplit

import pytest

pytestmark = pytest.mark.e2e

BUDGET = 150 * 1024  # bytes of HTML + CSS + JS over the wire, images apart
CODE_TYPES = {"document", "stylesheet", "script"}

# Bytes over the wire (headers included) as the page itself sees them, by kind of resource.
TRANSFER = """() => {
    const nav = performance.getEntriesByType('navigation')[0];
    const resources = performance.getEntriesByType('resource').map(r => ({
        url: r.name, type: r.initiatorType, transfer: r.transferSize, body: r.encodedBodySize,
    }));
    return {html: {transfer: nav.transferSize, body: nav.encodedBodySize, decoded: nav.decodedBodySize}, resources};
}"""


@pytest.mark.parametrize("width", [375, 1280])
def test_homepage_weight_and_no_third_party_request(new_page, live_url, artifacts_dir, width):
    page = new_page(width=width)
    responses = []
    page.on("requestfinished", lambda request: responses.append(request))
    page.goto("/", wait_until="load")
    page.mouse.wheel(0, 20_000)  # lazy images load too: they must come from this site as well
    page.wait_for_load_state("networkidle")

    origin = urlsplit(live_url).netloc
    others = [request.url for request in responses if urlsplit(request.url).netloc != origin]
    assert others == [], f"requests to another site: {others}"

    code = [request for request in responses if request.resource_type in CODE_TYPES]
    wire = {request.url: request.sizes() for request in code}
    by_playwright = sum(size["responseBodySize"] + size["responseHeadersSize"] for size in wire.values())
    timing = page.evaluate(TRANSFER)
    code_resources = [r for r in timing["resources"] if r["type"] in {"link", "script", "css"}]
    by_timing = timing["html"]["transfer"] + sum(r["transfer"] for r in code_resources)

    stylesheet = next(request for request in code if request.resource_type == "stylesheet")
    script = next(request for request in code if request.resource_type == "script")
    for asset in (stylesheet, script):
        assert re.search(r"\.[0-9a-f]{12}\.(css|js)$", asset.url), f"{asset.url} is not hashed by the static pipeline"
        assert asset.response().header_value("content-encoding") in {"gzip", "br"}, f"{asset.url} is not compressed"

    report = {
        "width": width,
        "html_css_js_bytes_resource_timing": by_timing,
        "html_css_js_bytes_playwright": by_playwright,
        "html_bytes_uncompressed": timing["html"]["decoded"],
        "files": {url: size["responseBodySize"] for url, size in wire.items()},
        "requests": len(responses),
    }
    (artifacts_dir / f"poids-accueil-{width}.json").write_text(json.dumps(report, indent=2))
    print(f"\nhomepage at {width} px: {by_timing} B (resource timing), {by_playwright} B (Playwright)")
    assert 0 < by_timing < BUDGET
    assert 0 < by_playwright < BUDGET
