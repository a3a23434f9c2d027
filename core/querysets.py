from django.db.models import Exists, OuterRef
from django.db.models.functions import Length, Substr
from wagtail.models import PageViewRestriction
from wagtail.query import PageQuerySet


def in_private_section(path="path"):
    """True for a page at or under a page with a view restriction (what PageQuerySet.public() excludes).

    `path` names the page's path field in the outer query ("group_page__path" for a related page).

    Written as one SQL subquery rather than Wagtail's public(), which first loads every restriction in
    a separate query: a page showing three listings would pay three extra queries.
    """
    return Exists(PageViewRestriction.objects.filter(page__path=Substr(OuterRef(path), 1, Length("page__path"))))


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


def prefetch_term_names(pages, model=None, keys=None):
    """Fill `term_names` of many pages of one type (or rows of their values with a `pk`, naming their
    `model`) with two queries of names.

    Prefetching the terms themselves builds a related manager and a Term instance per link: for the
    agenda's iCalendar feed (480 events) that was half of the request once its events were cached.
    `keys`, the queryset the pages were read from, selects the links by a subquery instead of a list
    of 480 parameters (each one prepared by the ORM).
    """
    pages = list(pages)
    if not pages:
        return pages
    model = model or type(pages[0])
    names = {page.pk: ([], []) for page in pages}
    for position, relation in enumerate(("countries", "themes")):
        field = model._meta.get_field(relation)
        through = field.remote_field.through
        page_column, term_column = field.m2m_field_name(), field.m2m_reverse_field_name()
        wanted = keys.order_by().values("pk") if keys is not None else list(names)
        links = through.objects.filter(**{f"{page_column}__in": wanted}).values_list(
            page_column, f"{term_column}__name"
        )
        for page_id, name in links:
            if page_id in names:  # a page published between the two queries has no row here
                names[page_id][position].append(name)
    for page in pages:
        countries, themes = names[page.pk]
        page.__dict__["term_names"] = tuple(sorted(countries) + sorted(themes))
    return pages
