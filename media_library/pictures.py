"""Build <picture> elements from the specs in media_library.renditions."""

from wagtail.images.models import Picture
from wagtail.images.shortcuts import get_renditions_or_not_found

from media_library.renditions import SPECS_BY_USE, filters


def build_picture(image, use, *, alt=None, eager=False, css_class="", sizes=None):
    """A Picture (AVIF, WebP, JPEG sources; width/height set) of `image` for a layout `use`.

    Below the fold (the default) it loads lazily; `eager` is for the page's main image at the top,
    which the browser should fetch first. `alt=""` marks a decorative image.
    """
    specs, default_sizes = SPECS_BY_USE[use]
    renditions = get_renditions_or_not_found(image, filters(specs))
    attrs = {
        "sizes": sizes or default_sizes,
        "alt": image.description if alt is None else alt,
        "decoding": "async",
    }
    if eager:
        attrs.update(loading="eager", fetchpriority="high")
    else:
        attrs["loading"] = "lazy"
    if css_class:
        attrs["class"] = css_class
    return Picture(renditions, attrs)
