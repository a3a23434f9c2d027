"""An editor's payloads, posted through the admin like a browser would, never reach visitors as live code.

Rich text is posted as raw Draftail contentstate (what a tampered request could send, not what the
editor's UI would produce); plain text fields and StreamField text blocks are posted verbatim.
"""

import json
import re
from html.parser import HTMLParser

import pytest
from django.contrib.auth.models import User
from wagtail.test.utils.form_data import nested_form_data, streamfield

from core.models import SiteSettings, StandardPage
from tests.factories import ArticlePageFactory, CountryFactory, ThemeFactory

pytestmark = pytest.mark.django_db

SCRIPT = "<script>alert('xss')</script>"
ATTRIBUTE = '" onmouseover="alert(1)" x="'
IMG = "<img src=x onerror=alert(1)>"


def contentstate(text, entities):
    """One paragraph whose first words carry the given link entities (Draftail's JSON format)."""
    ranges = [{"offset": 5 * index, "length": 4, "key": index} for index in range(len(entities))]
    entity_map = {
        str(index): {"type": kind, "mutability": "MUTABLE", "data": data} for index, (kind, data) in enumerate(entities)
    }
    block = {
        "key": "xss01",
        "type": "unstyled",
        "depth": 0,
        "text": text,
        "inlineStyleRanges": [{"offset": 0, "length": 4, "style": "BOLD"}],
        "entityRanges": ranges,
        "data": {"onclick": "alert(1)"},
    }
    return json.dumps({"blocks": [block], "entityMap": entity_map})


@pytest.fixture
def admin(client):
    user = User.objects.create_superuser("admin", "admin@example.org", "motdepasse-admin")
    client.force_login(user)
    return user


def is_own_script(attrs):
    """The site's own scripts: a file under /static/, or JSON-LD data (not executed)."""
    if attrs.get("src"):
        return attrs["src"].startswith("/static/")
    return attrs.get("type") == "application/ld+json"


class MarkupAudit(HTMLParser):
    """Parses the page as a browser would and notes every element or attribute that could run code."""

    def __init__(self):
        super().__init__()
        self.problems = []

    def handle_starttag(self, tag, attrs):
        if tag == "script" and is_own_script(dict(attrs)):
            pass
        elif tag in {"script", "iframe", "object", "embed"}:
            self.problems.append(f"<{tag}> element")
        for name, value in attrs:
            if name.startswith("on"):
                self.problems.append(f"{name}= attribute on <{tag}>")
            if name in {"href", "src", "action", "formaction"} and value:
                scheme = re.sub(r"[\x00-\x20]+", "", value).lower()
                if scheme.startswith(("javascript:", "data:text/html", "vbscript:")):
                    self.problems.append(f"{name}={value!r} on <{tag}>")


def assert_inert(html):
    """No script element, no event-handler attribute, no javascript: URL in the markup a visitor gets."""
    audit = MarkupAudit()
    audit.feed(html)
    assert audit.problems == []


def publish_standard_page(client, parent, **fields):
    data = {"title": "Page piégée", "slug": "page-piegee", "intro": "", "body": streamfield([])}
    data.update(fields)
    form = nested_form_data(data)
    form["action-publish"] = "action-publish"
    return client.post(f"/admin/pages/add/core/standardpage/{parent.pk}/", form)


def test_rich_text_paragraph_drops_javascript_links_and_escapes_markup(client, site_tree, admin):
    payload = contentstate(
        f"Lien lien {SCRIPT} {IMG}",
        [("LINK", {"url": "javascript:alert(1)"}), ("LINK", {"url": "jav\tascript:alert(2)"})],
    )
    response = publish_standard_page(client, site_tree["home"], body=streamfield([("paragraph", payload)]))
    assert response.status_code == 302
    client.logout()

    page = client.get("/page-piegee/")
    html = page.content.decode()
    assert page.status_code == 200
    assert "Lien" in html
    assert "&lt;script&gt;alert(" in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html
    assert_inert(html)


def test_rich_text_link_cannot_break_out_of_its_attribute(client, site_tree, admin):
    payload = contentstate("Lien vers un partenaire", [("LINK", {"url": f"https://example.org/{ATTRIBUTE}"})])
    response = publish_standard_page(client, site_tree["home"], body=streamfield([("paragraph", payload)]))
    assert response.status_code == 302
    client.logout()

    html = client.get("/page-piegee/").content.decode()
    assert "vers un partenaire" in html
    assert '<a href="https://example.org/&quot; onmouseover=&quot;alert(1)&quot;' in html
    assert_inert(html)


def test_plain_text_fields_and_text_blocks_are_escaped(client, site_tree, admin):
    body = streamfield(
        [
            ("heading", {"text": f"Titre {SCRIPT}", "level": "h2"}),
            ("quote", {"quote": f"Citation {IMG}", "author": f"Auteur {ATTRIBUTE}", "role": SCRIPT}),
        ]
    )
    response = publish_standard_page(
        client, site_tree["home"], title=f"Titre {SCRIPT}", intro=f"Chapô {IMG} {ATTRIBUTE}", body=body
    )
    assert response.status_code == 302
    client.logout()

    page = client.get("/page-piegee/")
    html = page.content.decode()
    assert page.status_code == 200
    assert "Titre &lt;script&gt;" in html
    assert "Citation &lt;img src=x onerror=alert(1)&gt;" in html
    assert "Chapô &lt;img" in html
    assert_inert(html)


def test_javascript_url_in_a_call_to_action_is_refused(client, site_tree, admin):
    cta = {"title": "Adhérer", "text": "", "button_label": "Adhérer", "page": "", "url": "javascript:alert(1)"}
    response = publish_standard_page(client, site_tree["home"], body=streamfield([("call_to_action", cta)]))

    assert response.status_code == 200
    assert "Saisissez une URL valide." in response.content.decode()
    assert not StandardPage.objects.filter(slug="page-piegee").exists()


def test_site_settings_footer_and_social_links_stay_safe(client, site_tree, admin):
    site_id = site_tree["home"].get_site().pk
    url = f"/admin/settings/core/sitesettings/{site_id}/"
    assert client.get(url).status_code == 200
    form = {
        "tagline": f"Slogan {SCRIPT}",
        "footer_text": contentstate(f"Pied {IMG}", [("LINK", {"url": "javascript:alert(1)"})]),
        "contact_email": "contact@example.org",
        "facebook_url": "javascript:alert(1)",
        "linkedin_url": "",
        "youtube_url": "",
        "bluesky_url": "",
    }
    refused = client.post(url, form)
    assert refused.status_code == 200
    assert "Saisissez une URL valide." in refused.content.decode()

    form["facebook_url"] = "https://www.facebook.com/citesunies"
    assert client.post(url, form).status_code == 302
    assert SiteSettings.objects.get(site_id=site_id).facebook_url == "https://www.facebook.com/citesunies"
    client.logout()

    html = client.get("/").content.decode()
    assert "Slogan &lt;script&gt;" in html
    assert "Pied" in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html
    assert 'href="https://www.facebook.com/citesunies"' in html
    assert_inert(html)


def test_snippet_names_and_descriptions_are_escaped_on_cards_and_pages(client, site_tree):
    country = CountryFactory(name=f"Pays {SCRIPT}", slug="pays-piege")
    theme = ThemeFactory(name=f"Thème {IMG}", slug="theme-piege", description=ATTRIBUTE)
    ArticlePageFactory(
        parent=site_tree["articles"], title="Article piégé", slug="article-piege", countries=[country], themes=[theme]
    )

    for url in ("/actualites/", "/actualites/article-piege/"):
        response = client.get(url)
        assert response.status_code == 200, url
        html = response.content.decode()
        assert "Pays &lt;script&gt;" in html, url
        assert_inert(html)


@pytest.mark.parametrize("param", ["pays", "thematique", "type", "annee", "page"])
def test_filter_parameters_are_never_reflected_unescaped(client, site_tree, param):
    response = client.get("/actualites/", {param: f"{SCRIPT}{ATTRIBUTE}"})

    assert response.status_code in (200, 404)
    assert_inert(response.content.decode())
