"""What a page tells search engines and social networks: description, share image, JSON-LD data.

Every URL here is absolute on the public origin (core/origin.py), whatever Host the request carried.
`organization()` is the one description of Cités Unies France that every type points to: publisher and
author of articles, organizer of events, recipient of donations, parent of the groupes-pays.
"""

import datetime

from django.templatetags.static import static
from django.urls import reverse
from django.utils import timezone
from django.utils.html import strip_tags

from core import origin
from core.cards import card_picture_image
from core.templatetags.cuf_tags import breadcrumb_ancestors, excerpt
from media_library.renditions import SHARE_SPEC as SHARE_IMAGE_SPEC

ORGANIZATION_NAME = "Cités Unies France"
# A square PNG (search engines want a raster logo of at least 112 px).
LOGO_STATIC_PATH = "img/logo.png"
LOGO_SIZE = 512
# The home page's description when its own ("description pour les moteurs de recherche") is empty.
DEFAULT_SITE_DESCRIPTION = (
    "Cités Unies France fédère les collectivités françaises engagées à l’international : actualités, agenda, "
    "appels et ressources de la coopération décentralisée."
)
SEARCH_TERM = "search_term_string"


def iso(value):
    """A date as YYYY-MM-DD; a datetime as a full ISO 8601 timestamp in Paris time (with its offset)."""
    if isinstance(value, datetime.datetime):
        return timezone.localtime(value).isoformat(timespec="seconds")
    return value.isoformat()


def organization(site_settings=None):
    """schema.org Organization of CUF: name, url, logo; with the site settings, its contact and social
    profiles (the home page's full description)."""
    data = {
        "@type": "Organization",
        "@id": origin.absolute("/#organisation"),
        "name": ORGANIZATION_NAME,
        "url": origin.absolute("/"),
        "logo": {
            "@type": "ImageObject",
            "url": origin.absolute(static(LOGO_STATIC_PATH)),
            "width": LOGO_SIZE,
            "height": LOGO_SIZE,
        },
    }
    if site_settings is not None:
        if site_settings.contact_email:
            data["email"] = site_settings.contact_email
        profiles = [url for _name, url in site_settings.social_links]
        if profiles:
            data["sameAs"] = profiles
    return data


def website():
    """schema.org WebSite with its search (the home page): /recherche/?q=…"""
    return {
        "@context": "https://schema.org",
        "@type": "WebSite",
        "@id": origin.absolute("/#site"),
        "name": ORGANIZATION_NAME,
        "url": origin.absolute("/"),
        "inLanguage": "fr-FR",
        "publisher": {"@id": origin.absolute("/#organisation")},
        "potentialAction": {
            "@type": "SearchAction",
            "target": {
                "@type": "EntryPoint",
                "urlTemplate": origin.absolute(reverse("search")) + "?q={" + SEARCH_TERM + "}",
            },
            "query-input": f"required name={SEARCH_TERM}",
        },
    }


def breadcrumb_list(items):
    """schema.org BreadcrumbList of [(name, path or URL)], from the home page to the current page."""
    return {
        "@context": "https://schema.org",
        "@type": "BreadcrumbList",
        "itemListElement": [
            {"@type": "ListItem", "position": position, "name": name, "item": origin.absolute(url)}
            for position, (name, url) in enumerate(items, start=1)
        ],
    }


def page_breadcrumbs(page, request=None):
    """[(name, URL)] of the visible breadcrumbs (templates/includes/breadcrumbs.html) and the page itself;
    [] for the home page and pages outside the site."""
    if page.depth <= 2:
        return []
    items = []
    for ancestor in [*breadcrumb_ancestors(page), page]:
        url = origin.page_url(ancestor, request)
        if url is None:
            return []
        items.append(("Accueil" if ancestor.depth == 2 else ancestor.title, url))
    return items


def page_description(page, length=160, request=None):
    """The page's own description (a `seo_description(request)` method, e.g. the home page's), else its
    search description, else its intro, cut to `length` characters."""
    if hasattr(page, "seo_description"):
        text = page.seo_description(request)
    else:
        text = getattr(page, "search_description", "") or getattr(page, "intro", "") or ""
    return excerpt(strip_tags(text), length)


def share_image(page, request):
    """Absolute URL, width and height of the page's 1200×630 share image, or None.

    The card image chain applies: cover, first theme's image, the site's default image. Worked out
    once per request and page: the meta tags and the JSON-LD both show it.
    """
    found = getattr(request, "_cuf_share_images", None)
    if found is None:
        found = {}
        if hasattr(request, "META"):
            request._cuf_share_images = found
    if page.pk not in found:
        found[page.pk] = find_share_image(page, request)
    return found[page.pk]


def find_share_image(page, request):
    image, _is_default = card_picture_image(page, request)
    if image is None:
        return None
    try:
        rendition = image.get_rendition(SHARE_IMAGE_SPEC)
    except Exception:  # noqa: BLE001 - a missing or broken file must not break the page
        return None
    return {
        "url": origin.absolute(rendition.url),
        "width": rendition.width,
        "height": rendition.height,
        "alt": image.description,
    }


def page_structured_data(page, request, schema_type, **fields):
    """A schema.org object for a page; `fields` add or override properties."""
    data = {
        "@context": "https://schema.org",
        "@type": schema_type,
        "name": page.title,
        "url": origin.page_url(page, request),
        "inLanguage": "fr-FR",
        "publisher": organization(),
    }
    description = page_description(page, 300, request)
    if description:
        data["description"] = description
    image = share_image(page, request)
    if image:
        data["image"] = [image["url"]]
    keywords = [term.name for term in getattr(page, "sorted_countries", [])]
    keywords += [term.name for term in getattr(page, "sorted_themes", [])]
    if keywords:
        data["keywords"] = ", ".join(keywords)
    data.update(fields)
    return data


def collection_page(name, url, description=""):
    """schema.org CollectionPage of a view that is not a Wagtail page (the country and theme hubs)."""
    data = {
        "@context": "https://schema.org",
        "@type": "CollectionPage",
        "name": name,
        "url": origin.absolute(url),
        "inLanguage": "fr-FR",
        "isPartOf": {"@id": origin.absolute("/#site")},
        "publisher": organization(),
    }
    if description:
        data["description"] = description
    return data


def web_page(page, request, url=None):
    """schema.org WebPage (or the page's `schema_type`, e.g. CollectionPage for a listing) of a page with no
    type of its own; `url` is the canonical URL of a route of the page (/agenda/passes/)."""
    data = page_structured_data(page, request, getattr(page, "schema_type", "WebPage"))
    if url:
        data["url"] = url
    data["isPartOf"] = {"@id": origin.absolute("/#site")}
    return data
