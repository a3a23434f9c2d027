"""What cards show besides their page's own fields: the picture, with its renditions.

A card's picture is its cover, else its first theme's default image (for a photo resource, its first
photo), else the site's default image. Listings load the pages with `TaggedPageQuerySet.for_cards()`,
which joins those images; `prefetch_card_pictures()` then reads the renditions of every picture of
one or several card lists, and of the site's default image, in a single query.
"""

from collections import defaultdict

from django.db.models import Prefetch, prefetch_related_objects
from wagtail.images import get_image_model
from wagtail.models import Site

from core.models import SiteSettings
from media_library.renditions import PICTURE_SPECS


def renditions_prefetch(specs=PICTURE_SPECS):
    """Prefetch of an image's renditions for `specs`, where Wagtail looks for them (prefetched_renditions)."""
    renditions = get_image_model().get_rendition_model().objects.filter(filter_spec__in=specs)
    return Prefetch("renditions", queryset=renditions, to_attr="prefetched_renditions")


def with_renditions(images, specs=PICTURE_SPECS):
    """Fetch the renditions of the images that do not carry theirs yet, in one query for all of them."""
    missing = [image for image in images if image is not None and not hasattr(image, "prefetched_renditions")]
    if missing:
        prefetch_related_objects(missing, renditions_prefetch(specs))


def site_settings(request):
    """The SiteSettings of the request's site (Wagtail keeps them on the request); without one, the default site's."""
    if request is not None and hasattr(request, "META"):
        return SiteSettings.for_request(request)
    site = Site.objects.filter(is_default_site=True).first()
    return SiteSettings.for_site(site) if site else None


def site_default_image(request):
    """The site's default image (SiteSettings joins it), with its card and share renditions, or None.

    Wagtail keeps the settings on the request, so the image is the same object for the whole request:
    its renditions are read once, by whichever of the cards or the page's metadata needs them first.
    """
    found = site_settings(request)
    image = found.default_image if found is not None else None
    with_renditions([image])
    return image


def card_picture_image(page, request):
    """(image, is_default) of a card and of its page's share image: the page's card_image() (cover,
    first theme's image), else the site's default image (decorative on a card), else (None, True)."""
    image = page.card_image() if hasattr(page, "card_image") else None
    if image is not None:
        return image, False
    return site_default_image(request), True


def prefetch_card_pictures(request, *card_lists):
    """Give the pictures of every card in `card_lists`, and the site's default image, their renditions.

    One query whatever the number of lists and cards; the pages must come from `for_cards()` (their
    images already joined), or each card would load its image separately.
    """
    images = [page.card_image() for cards in card_lists for page in cards if hasattr(page, "card_image")]
    if request is not None and hasattr(request, "META"):
        images.append(site_settings(request).default_image)
    with_renditions(images)


def live_cards(pages):
    """The live pages among `pages` (e.g. chosen by an editor), in their order, each of its specific type
    with what its card shows: one query per page type (plus for_cards' prefetches), not one per page."""
    ids_by_model = defaultdict(list)
    for page in pages:
        if page is not None and page.specific_class is not None:
            ids_by_model[page.specific_class].append(page.pk)
    found = {}
    for model, ids in ids_by_model.items():
        queryset = model.objects.filter(pk__in=ids).live()
        queryset = queryset.for_cards() if hasattr(queryset, "for_cards") else queryset.defer_streamfields()
        found.update((page.pk, page) for page in queryset)
    return [found[page.pk] for page in pages if page is not None and page.pk in found]
