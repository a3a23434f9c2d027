"""The main menu and the footer links, edited in the admin (Paramètres → Menus et pied de page).

Each menu is a StreamField of links (a page of the site or an address, an optional short label), in
the order the editor drags them. Rendering costs the same whatever the number of links: the settings
row (with the accessibility statement page joined), then one query for the pages of both menus.
An empty main menu shows DEFAULT_MAIN_MENU, so a new site (and the tests' sites) keep a usable header.
"""

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import models
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.models import Page

# (label, path): the menu of a site whose editors have not filled "Menu principal" yet.
DEFAULT_MAIN_MENU = [
    ("Actualités", "/actualites/"),
    ("Agenda", "/agenda/"),
    ("Centre de ressources", "/centre-de-ressources/"),
    ("La lettre", "/lettre/"),
    ("Groupes-pays", "/groupes-pays/"),
    ("Collectivités", "/collectivites/"),
    ("Fonds de solidarité", "/fonds-de-solidarite/"),
    ("Appels", "/appels/"),
]


class AccessibilityStatus(models.TextChoices):
    """The RGAA's three wordings of a site's conformity, shown on every page ("Accessibilité : …")."""

    NON_CONFORME = "non conforme", "non conforme"
    PARTIELLEMENT = "partiellement conforme", "partiellement conforme"
    TOTALEMENT = "totalement conforme", "totalement conforme"


def validate_address(value):
    """An address of the site ("/pays/") or a web address (https://…)."""
    if value.startswith("/") and not value.startswith("//"):
        return
    URLValidator(
        schemes=["http", "https"], message="Saisissez une adresse web (https://…) ou un chemin du site (/pays/)."
    )(value)


class NavigationLinkBlock(blocks.StructBlock):
    page = blocks.PageChooserBlock(label="Page du site", required=False)
    url = blocks.CharBlock(
        label="ou adresse",
        required=False,
        max_length=300,
        validators=[validate_address],
        help_text="Une adresse web (https://…) ou un chemin du site, par exemple /pays/ ou /thematiques/.",
    )
    label = blocks.CharBlock(
        label="Libellé",
        required=False,
        max_length=60,
        help_text="Court, deux ou trois mots. Vide : le titre de la page choisie.",
    )

    class Meta:
        icon = "link"
        label = "Lien"

    def clean(self, value):
        value = super().clean(value)
        errors = {}
        if bool(value.get("page")) == bool(value.get("url")):
            errors["url"] = ValidationError("Choisissez soit une page du site, soit une adresse.")
        elif value.get("url") and not value.get("label"):
            errors["label"] = ValidationError("Donnez un libellé au lien vers une adresse.")
        if errors:
            raise StructBlockValidationError(block_errors=errors)
        return value


class NavigationLinksBlock(blocks.StreamBlock):
    link = NavigationLinkBlock()


@dataclass(frozen=True)
class MenuLink:
    label: str
    href: str
    current: bool = False


def is_current(href, path):
    if not href.startswith("/") or path is None:
        return False
    return path == href or (href != "/" and path.startswith(href))


def resolve_links(settings, request):
    """{"main": [MenuLink…], "footer": [MenuLink…]}: both menus' pages in one query; links to pages that
    are not live (unpublished, deleted) are left out."""
    menus = {"main": settings.main_menu.raw_data, "footer": settings.footer_links.raw_data}
    page_ids = {item["value"].get("page") for raw in menus.values() for item in raw if item["type"] == "link"}
    page_ids.discard(None)
    pages = Page.objects.live().only("id", "title", "url_path", "path", "depth").in_bulk(page_ids) if page_ids else {}
    path = getattr(request, "path", None)
    resolved = {}
    for name, raw in menus.items():
        links = []
        for item in raw:
            value = item["value"]
            if value.get("page"):
                page = pages.get(value["page"])
                href = page.get_url(request) if page is not None else None
                label = value.get("label") or (page.title if page is not None else "")
            else:
                href, label = value.get("url"), value.get("label")
            if href and label:
                links.append(MenuLink(label, href, is_current(href, path)))
        resolved[name] = links
    if not resolved["main"]:
        resolved["main"] = [MenuLink(label, href, is_current(href, path)) for label, href in DEFAULT_MAIN_MENU]
    return resolved
