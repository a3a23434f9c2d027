"""Filters of the resource centre: ?type=&pays=&thematique=."""

from core.filters import TaggedFilterSet, typed_choice_filter

from .choices import ResourceKind


class ResourceFilterSet(TaggedFilterSet):
    type = typed_choice_filter("Type", "kind", ResourceKind.choices, "Tous les types")
