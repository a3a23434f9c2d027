"""The demo's main menu, footer links and accessibility mention (core.NavigationSettings).

Filled only when empty: `load_demo_content` gives an existing database the same links as a new one,
and never overwrites the menus a moderator has edited since.
"""

from wagtail.models import Page

from core.models import NavigationSettings
from core.navigation import AccessibilityStatus

# (label, slug of a page under the home page, or an address of the site)
MAIN_MENU = [
    ("Actualités", "actualites"),
    ("Agenda", "agenda"),
    ("Centre de ressources", "centre-de-ressources"),
    ("La lettre", "lettre"),
    ("Groupes-pays", "groupes-pays"),
    ("Collectivités", "collectivites"),
    ("Fonds de solidarité", "fonds-de-solidarite"),
    ("Appels", "appels"),
]
# The country and theme hubs are in the footer: with them the main menu wraps to a second row at 1280 px.
FOOTER_LINKS = [
    ("Pays", "/pays/"),
    ("Thématiques", "/thematiques/"),
    ("Qui sommes-nous ?", "qui-sommes-nous"),
    ("Mentions légales", "mentions-legales"),
]
ACCESSIBILITY_PAGE = "declaration-d-accessibilite"
ACCESSIBILITY_STATUS = AccessibilityStatus.PARTIELLEMENT  # what the demo's statement says


def stream(home, links):
    """Raw StreamField data of `links`: a page of the home's children when the slug is one, else an address."""
    children = {page.slug: page.pk for page in Page.objects.child_of(home).only("pk", "slug")}
    raw = []
    for label, target in links:
        if target.startswith("/"):
            value = {"page": None, "url": target, "label": label}
        elif target in children:
            value = {"page": children[target], "url": "", "label": label}
        else:
            continue
        raw.append({"type": "link", "value": value})
    return raw


def ensure_navigation(site, home):
    """Returns the number of fields filled (0 when the menus were already set)."""
    settings = NavigationSettings.for_site(site)
    filled = []
    if not settings.main_menu:
        settings.main_menu = stream(home, MAIN_MENU)
        filled.append("main_menu")
    if not settings.footer_links:
        settings.footer_links = stream(home, FOOTER_LINKS)
        filled.append("footer_links")
    if settings.accessibility_page_id is None:
        settings.accessibility_page = Page.objects.child_of(home).filter(slug=ACCESSIBILITY_PAGE).first()
        settings.accessibility_status = ACCESSIBILITY_STATUS
        filled += ["accessibility_page", "accessibility_status"]
    if filled:
        settings.save()
    return len(filled)
