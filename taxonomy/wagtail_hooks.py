from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from taxonomy.models import Country, Theme


class CountryViewSet(SnippetViewSet):
    model = Country
    icon = "globe"
    list_display = ["name", "region", "is_country_group"]
    list_filter = ["region", "is_country_group"]
    search_fields = ["name"]
    menu_label = "Pays"


class ThemeViewSet(SnippetViewSet):
    model = Theme
    icon = "tag"
    list_display = ["name", "slug"]
    search_fields = ["name"]
    menu_label = "Thématiques"


class TaxonomyViewSetGroup(SnippetViewSetGroup):
    items = (CountryViewSet, ThemeViewSet)
    menu_icon = "folder-open-inverse"
    menu_label = "Classement"
    menu_name = "taxonomy"


register_snippet(TaxonomyViewSetGroup)
