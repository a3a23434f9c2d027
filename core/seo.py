"""What a page tells search engines and social networks: share image, description, JSON-LD data."""

from django.utils.html import strip_tags

from core.cards import site_default_image
from core.templatetags.cuf_tags import excerpt
from media_library.renditions import SHARE_SPEC as SHARE_IMAGE_SPEC

PUBLISHER = {"@type": "Organization", "name": "Cités Unies France"}


def page_description(page, length=160):
    """The page's search description, else its intro, cut to `length` characters."""
    text = getattr(page, "search_description", "") or getattr(page, "intro", "") or ""
    return excerpt(strip_tags(text), length)


def share_image(page, request):
    """Absolute URL, width and height of the page's 1200×630 share image, or None.

    The card image chain applies: cover, first theme's image, the site's default image.
    """
    image = page.card_image() if hasattr(page, "card_image") else None
    if image is None:
        image = site_default_image(request)
    if image is None:
        return None
    try:
        rendition = image.get_rendition(SHARE_IMAGE_SPEC)
    except Exception:  # noqa: BLE001 - a missing or broken file must not break the page
        return None
    url = rendition.url
    if request is not None and not url.startswith(("http://", "https://")):
        url = request.build_absolute_uri(url)
    return {"url": url, "width": rendition.width, "height": rendition.height, "alt": image.description}


def page_structured_data(page, request, schema_type, **fields):
    """A schema.org object for a classified page; `fields` add or override properties."""
    data = {
        "@context": "https://schema.org",
        "@type": schema_type,
        "name": page.title,
        "url": page.get_full_url(request),
        "inLanguage": "fr-FR",
        "publisher": PUBLISHER,
    }
    description = page_description(page, 300)
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
