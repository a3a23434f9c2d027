from django.db.models import Exists, OuterRef
from django.db.models.functions import Length, Substr
from wagtail.query import PageQuerySet


def in_private_section():
    """True for a page at or under a page with a view restriction (what PageQuerySet.public() excludes).

    Written as one SQL subquery rather than Wagtail's public(), which first loads every restriction in
    a separate query: a page showing three listings would pay three extra queries.
    """
    from wagtail.models import PageViewRestriction

    return Exists(
        PageViewRestriction.objects.filter(page__path=Substr(OuterRef("path"), 1, Length("page__path")))
    )


def prefetch_card_renditions(pages):
    """Prefetch, in one query, the card renditions of every image the cards of `pages` show."""
    from wagtail.images import get_image_model

    from core.templatetags.cuf_tags import CARD_RENDITION_SPECS

    images = {}
    for page in pages:
        image = page.card_image()
        if image is not None and not hasattr(image, "prefetched_renditions"):
            images.setdefault(image.pk, []).append(image)
    if not images:
        return
    renditions = get_image_model().get_rendition_model().objects.filter(filter_spec__in=CARD_RENDITION_SPECS)
    by_image = {}
    for rendition in renditions.filter(image_id__in=images):
        by_image.setdefault(rendition.image_id, []).append(rendition)
    for pk, same_image in images.items():
        for rendition in by_image.get(pk, []):
            rendition.image = same_image[0]  # what a Prefetch would set: no query when a rendition reads its image
        for image in same_image:
            image.prefetched_renditions = by_image.get(pk, [])


class TaggedPageQuerySet(PageQuerySet):
    """Queries shared by every page type built on core.models.TaggedPage."""

    card_select_related = ("cover",)
    _card_renditions = False

    def visible(self):
        return self.live().exclude(in_private_section())

    def tagged(self, country=None, theme=None):
        qs = self
        if country is not None:
            qs = qs.filter(countries=country)
        if theme is not None:
            qs = qs.filter(themes=theme)
        return qs

    def for_cards(self):
        """Everything a card shows, in a fixed number of queries whatever the number of cards."""
        qs = (
            self.defer_streamfields()
            .select_related(*self.card_select_related)
            .prefetch_related(*self.model.card_prefetches())
        )
        qs._card_renditions = True
        return qs

    def _clone(self):
        clone = super()._clone()
        clone._card_renditions = self._card_renditions
        return clone

    def _prefetch_related_objects(self):
        super()._prefetch_related_objects()
        if self._card_renditions:
            prefetch_card_renditions(self._result_cache)

