from wagtail.query import PageQuerySet


class TaggedPageQuerySet(PageQuerySet):
    """Queries shared by every page type built on core.models.TaggedPage."""

    # Foreign keys a card shows, joined. The cover is prefetched instead (card_prefetches), with its renditions.
    card_select_related = ()

    def visible(self):
        return self.live().public()

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
