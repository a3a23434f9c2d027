"""Filters of the news listing and its RSS feed: ?pays=&thematique=&type=&annee=."""

import functools

import django_filters

from core.filters import TaggedFilterSet, typed_choice_filter
from pagecache.fragments import reused_until_purge

from .choices import ArticleKind


def article_years(articles):
    """Years that have at least one of `articles`, most recent first (read once per publish: a DISTINCT
    over every article of the index, 25 ms on 10,000)."""
    years = articles.dates("date", "year", order="DESC")
    return reused_until_purge(
        "article-years", years.query.sql_with_params(), lambda: [(str(day.year), str(day.year)) for day in years]
    )


class ArticleFilterSet(TaggedFilterSet):
    type = typed_choice_filter("Type", "kind", ArticleKind.choices, "Tous les types")
    annee = django_filters.ChoiceFilter(
        label="Année",
        field_name="date",
        lookup_expr="year",
        choices=(),
        empty_label="Toutes les années",
        error_messages={"invalid_choice": "Aucune actualité pour cette année : le filtre « Année » est ignoré."},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The years are read when the form checks ?annee= and when it renders its options: once for both.
        self.form.fields["annee"].choices = functools.cache(functools.partial(article_years, self.queryset))
