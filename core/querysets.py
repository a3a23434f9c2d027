from django.db.models import Exists, OuterRef
from django.db.models.functions import Length, Substr
from wagtail.models import PageViewRestriction
from wagtail.query import PageQuerySet


def in_private_section():
    """True for a page at or under a page with a view restriction (what PageQuerySet.public() excludes).

    Written as one SQL subquery rather than Wagtail's public(), which first loads every restriction in
    a separate query: a page showing three listings would pay three extra queries.
    """
    return Exists(PageViewRestriction.objects.filter(page__path=Substr(OuterRef("path"), 1, Length("page__path"))))


class TaggedPageQuerySet(PageQuerySet):
    """Queries shared by every page type built on core.models.TaggedPage."""

    # Foreign keys a card shows, joined with the page (the cover too: see for_cards).
    card_select_related = ()

    def visible(self):
        return self.live().exclude(in_private_section())

    def tagged(self, country=None, theme=None):
        qs = self
        if country is not None:
            qs = qs.filter(countries=country)
        if theme is not None:
            qs = qs.filter(themes=theme)
        return qs

    def with_terms(self):
        """Pages listed with their category line (countries and themes) but no picture: two more queries."""
        return self.defer_streamfields().prefetch_related("countries", "themes")

    def for_cards(self):
        """Everything a card shows, in a fixed number of queries whatever the number of cards.

        The cover is joined, the terms and other images prefetched (card_prefetches); the renditions of
        all the pictures of a page are read together by core.cards.prefetch_card_pictures.
        """
        return (
            self.defer_streamfields()
            .select_related("cover", *self.card_select_related)
            .prefetch_related(*self.model.card_prefetches())
        )
