from django.db.models import Exists, OuterRef
from django.db.models.functions import Length, Substr
from wagtail.query import PageQuerySet


def in_private_section():
    """True for a page at or under a page with a view restriction (what PageQuerySet.public() excludes).

    Written as one SQL subquery rather than Wagtail's public(), which first loads every restriction in
    a separate query: a page showing three listings would pay three extra queries.
    """
    from wagtail.models import PageViewRestriction

    return Exists(PageViewRestriction.objects.filter(page__path=Substr(OuterRef("path"), 1, Length("page__path"))))


class TaggedPageQuerySet(PageQuerySet):
    """Queries shared by every page type built on core.models.TaggedPage."""

    # Foreign keys a card shows, joined. The cover is prefetched instead (card_prefetches), with its renditions.
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

    def for_cards(self):
        """Everything a card shows, in a fixed number of queries whatever the number of cards."""
        return (
            self.defer_streamfields()
            .select_related(*self.card_select_related)
            .prefetch_related(*self.model.card_prefetches())
        )
