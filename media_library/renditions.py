"""The renditions the public templates render, declared once.

Listings prefetch exactly these specs (core.cards.prefetch_card_pictures), the publish and upload tasks
generate them ahead of visitors, and the template tags render them; a spec used by a template but missing
here would be created during a visitor's request.
"""

from functools import cache

from wagtail.images.models import Filter

FORMATS = "format-{avif,webp,jpeg}"


def expand(*specs):
    """'format-{avif,webp,jpeg}', 'fill-{400x225,800x450}' → the six single filter specs."""
    return tuple(Filter.expand_spec(specs))


# Cards (listings, homepage): 16:9, one width per layout step (1 column on phones, 2-3 on wider screens).
CARD_SPECS = expand(FORMATS, "fill-{400x225,800x450,1200x675}")
CARD_SIZES = "(min-width: 64em) 22rem, (min-width: 40em) 45vw, 100vw"

# A detail page's cover, at the top of the page: 16:9 in the 48rem text column.
COVER_SPECS = expand(FORMATS, "fill-{800x450,1200x675,1600x900}")
COVER_SIZES = "(min-width: 60em) 48rem, 100vw"

# An image in a page body (CaptionedImageBlock): original ratio.
BODY_SPECS = expand(FORMATS, "max-{800x800,1200x1200,1600x1600}")
BODY_SIZES = "(min-width: 60em) 48rem, 100vw"

# A photo of a resource's gallery: two columns on wider screens.
GALLERY_SPECS = expand(FORMATS, "max-{600x600,1200x1200}")
GALLERY_SIZES = "(min-width: 40em) 45vw, 100vw"

# The page's share image (OpenGraph/Twitter, core/seo.py): one 1200×630 JPEG.
SHARE_SPEC = "fill-1200x630|format-jpeg"

# What a card's picture may be asked for in a listing: the card itself, and the share image of a listing
# page, which is the site's default image (core.cards prefetches these for every picture of a page).
PICTURE_SPECS = (*CARD_SPECS, SHARE_SPEC)

SPECS_BY_USE = {
    "card": (CARD_SPECS, CARD_SIZES),
    "cover": (COVER_SPECS, COVER_SIZES),
    "body": (BODY_SPECS, BODY_SIZES),
    "gallery": (GALLERY_SPECS, GALLERY_SIZES),
}

# Generated for every uploaded image (most images end up on a card); publishing a page adds the rest
# (cover, body, gallery). Kept small: with the ImmediateBackend the upload request does this work.
UPLOAD_SPECS = CARD_SPECS


@cache
def filters(specs):
    """One shared Filter per spec: a Filter parses its spec into operations once (a cached property), and
    a new Filter per picture parsed it again for every card (about a fifth of a cold homepage's time).
    Wagtail's own {% image %} tag keeps its Filter on the template node for the same reason."""
    return tuple(Filter(spec=spec) for spec in specs)
