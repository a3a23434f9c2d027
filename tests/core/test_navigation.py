"""The main menu, the footer links and the RGAA mention, edited in the admin (core.NavigationSettings)."""

import pytest
from django.contrib.auth.models import Group, User
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Site
from wagtail.test.utils.form_data import nested_form_data, streamfield

from core.models import NavigationSettings
from core.navigation import NavigationLinkBlock
from demo.navigation import ensure_navigation
from tests.factories import StandardPageFactory

pytestmark = pytest.mark.django_db


def link(page=None, url="", label=""):
    return {"type": "link", "value": {"page": page.pk if page else None, "url": url, "label": label}}


@pytest.fixture
def nav(site_tree):
    return NavigationSettings.for_site(Site.objects.get(is_default_site=True))


@pytest.fixture
def free_pages(site_tree):
    return {
        slug: StandardPageFactory(parent=site_tree["home"], title=title, slug=slug)
        for slug, title in [
            ("qui-sommes-nous", "Qui sommes-nous ?"),
            ("mentions-legales", "Mentions légales"),
            ("declaration-d-accessibilite", "Déclaration d’accessibilité"),
        ]
    }


def header_and_footer(client, url="/"):
    html = client.get(url).content.decode()
    return html[html.index('<ul id="menu-principal">') : html.index("</header>")], html[html.index("<footer") :]


def test_a_new_site_shows_the_default_menu_and_says_it_is_not_conforming(client, site_tree):
    header, footer = header_and_footer(client, "/actualites/")
    assert '<a href="/actualites/" aria-current="page">Actualités</a>' in header
    assert '<a href="/appels/">Appels</a>' in header
    assert "Accessibilité : non conforme" in footer


def test_menus_show_the_links_in_order_with_their_labels(client, site_tree, nav, free_pages):
    about = free_pages["qui-sommes-nous"]
    nav.main_menu = [link(site_tree["articles"], label="Actus"), link(url="/pays/", label="Pays"), link(about)]
    nav.footer_links = [link(free_pages["mentions-legales"]), link(url="https://example.org/adherer", label="Adhérer")]
    nav.accessibility_status = "partiellement conforme"
    nav.accessibility_page = free_pages["declaration-d-accessibilite"]
    nav.save()

    header, footer = header_and_footer(client, "/pays/")
    assert header.index(">Actus<") < header.index(">Pays<") < header.index(">Qui sommes-nous ?<")
    assert '<a href="/pays/" aria-current="page">Pays</a>' in header
    assert "Agenda" not in header, "the default menu is replaced"
    assert '<a href="/mentions-legales/">Mentions légales</a>' in footer
    assert '<a href="https://example.org/adherer">Adhérer</a>' in footer
    assert '<a href="/declaration-d-accessibilite/">Accessibilité : partiellement conforme</a>' in footer


def test_a_link_to_an_unpublished_page_disappears(client, site_tree, nav, free_pages):
    nav.footer_links = [link(free_pages["qui-sommes-nous"]), link(free_pages["mentions-legales"])]
    nav.save()
    free_pages["qui-sommes-nous"].unpublish()
    _, footer = header_and_footer(client)
    assert "Qui sommes-nous" not in footer
    assert "Mentions légales" in footer


@pytest.mark.parametrize(
    ("value", "field", "message"),
    [
        ({"page": None, "url": "", "label": "Vide"}, "url", "Choisissez soit une page du site, soit une adresse."),
        ({"page": "home", "url": "/pays/", "label": "Les deux"}, "url", "Choisissez soit une page du site"),
        ({"page": None, "url": "/pays/", "label": ""}, "label", "Donnez un libellé"),
        ({"page": None, "url": "javascript:alert(1)", "label": "Piège"}, "url", "Saisissez une adresse web"),
        ({"page": None, "url": "//evil.example/", "label": "Piège"}, "url", "Saisissez une adresse web"),
    ],
)
def test_a_link_needs_one_target_and_a_label_for_an_address(site_tree, value, field, message):
    block = NavigationLinkBlock()
    value = dict(value, page=site_tree["home"].pk if value["page"] == "home" else None)
    with pytest.raises(Exception) as error:  # noqa: PT011 - StructBlockValidationError or ValidationError
        block.clean(block.to_python(value))
    errors = getattr(error.value, "block_errors", None)
    text = str(errors[field]) if errors else str(error.value)
    assert message in text


def render_queries(client, url="/qui-sommes-nous/"):
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_menus_cost_two_queries_whatever_the_number_of_links(client, site_tree, nav, free_pages):
    """The settings row (with the accessibility page joined), then every page of both menus at once."""
    default_menu = render_queries(client)
    pages = [StandardPageFactory(parent=site_tree["home"], title=f"Page {n}") for n in range(12)]
    nav.main_menu = [link(page) for page in pages[:2]]
    nav.footer_links = [link(pages[2])]
    nav.accessibility_page = free_pages["declaration-d-accessibilite"]
    nav.save()
    few = render_queries(client)
    nav.main_menu = [link(page) for page in pages[:8]] + [link(url="/pays/", label="Pays")]
    nav.footer_links = [link(page) for page in pages[8:]]
    nav.save()
    many = render_queries(client)
    assert few == many == default_menu + 1, (default_menu, few, many)


def test_menus_are_read_once_until_a_purge_and_mark_each_pages_link(
    client, site_tree, nav, free_pages, settings, django_capture_on_commit_callbacks
):
    """With the fragment caches on, the two queries of the menus are made once per purge; which link is
    the current page's is still decided per request."""
    nav.main_menu = [link(site_tree["articles"], label="Actus"), link(free_pages["qui-sommes-nous"])]
    nav.save()
    settings.FRAGMENT_CACHE = True
    client.get("/qui-sommes-nous/")
    with CaptureQueriesContext(connection) as queries:
        client.get("/qui-sommes-nous/")
    assert not [query for query in queries.captured_queries if "core_navigationsettings" in query["sql"]]
    header, _ = header_and_footer(client, "/actualites/")
    assert '<a href="/actualites/" aria-current="page">Actus</a>' in header
    assert '<a href="/qui-sommes-nous/">Qui sommes-nous ?</a>' in header
    header, _ = header_and_footer(client, "/qui-sommes-nous/")
    assert '<a href="/actualites/">Actus</a>' in header
    assert '<a href="/qui-sommes-nous/" aria-current="page">Qui sommes-nous ?</a>' in header
    with django_capture_on_commit_callbacks(execute=True):
        nav.main_menu = [link(url="/pays/", label="Pays")]
        nav.save()
    header, _ = header_and_footer(client, "/pays/")
    assert '<a href="/pays/" aria-current="page">Pays</a>' in header and "Actus" not in header


def test_moderators_edit_the_menus_in_the_admin_and_visitors_see_them(client, site_tree, free_pages):
    moderator = User.objects.create_user("moderatrice", "m@example.org", "motdepasse", is_staff=True)
    moderator.groups.add(Group.objects.get(name="Modérateurs"))
    editor = client.__class__()
    editor.force_login(moderator)
    site = Site.objects.get(is_default_site=True)
    url = f"/admin/settings/core/navigationsettings/{site.pk}/"
    assert editor.get(url).status_code == 200
    form = nested_form_data(
        {
            "main_menu": streamfield([("link", {"page": site_tree["articles"].pk, "url": "", "label": "Actualités"})]),
            "footer_links": streamfield(
                [("link", {"page": free_pages["mentions-legales"].pk, "url": "", "label": ""})]
            ),
            "accessibility_status": "partiellement conforme",
            "accessibility_page": free_pages["declaration-d-accessibilite"].pk,
        }
    )
    response = editor.post(url, form)
    assert response.status_code == 302, response.content.decode()[:2000]
    _, footer = header_and_footer(client)
    assert '<a href="/mentions-legales/">Mentions légales</a>' in footer
    assert "Accessibilité : partiellement conforme" in footer


def test_the_demo_fills_empty_menus_once_and_keeps_an_editors_changes(site_tree, nav, free_pages):
    site = Site.objects.get(is_default_site=True)
    assert ensure_navigation(site, site_tree["home"]) == 4
    nav = NavigationSettings.objects.get(pk=nav.pk)
    labels = [item["value"]["label"] for item in nav.main_menu.raw_data]
    assert labels[:3] == ["Actualités", "Agenda", "Centre de ressources"]
    assert [item["value"]["url"] for item in nav.footer_links.raw_data][:2] == ["/pays/", "/thematiques/"]
    assert [item["value"]["page"] for item in nav.footer_links.raw_data][2:] == [
        free_pages["qui-sommes-nous"].pk,
        free_pages["mentions-legales"].pk,
    ]
    assert nav.accessibility_page_id == free_pages["declaration-d-accessibilite"].pk
    assert nav.accessibility_status == "partiellement conforme"

    nav.footer_links = [link(url="https://example.org/", label="Partenaires")]
    nav.save()
    assert ensure_navigation(site, site_tree["home"]) == 0
    assert NavigationSettings.objects.get(pk=nav.pk).footer_links.raw_data[0]["value"]["label"] == "Partenaires"
