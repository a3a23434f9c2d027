from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Collectivite


class CollectiviteViewSet(SnippetViewSet):
    model = Collectivite
    icon = "group"
    list_display = ["name", "kind", "region", "is_member"]
    list_filter = ["kind", "region", "is_member"]
    search_fields = ["name"]
    menu_label = "Collectivités"
    menu_order = 250
    add_to_admin_menu = True


register_snippet(CollectiviteViewSet)
