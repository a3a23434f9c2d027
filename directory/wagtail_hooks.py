from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import URL_PREFIX_HOOK, Collectivite, directory_url


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


@hooks.register(URL_PREFIX_HOOK)
def collectivite_url_prefix(request):
    """Pages of apps that may not import the directory (a fund's contributors) link a local government
    to this prefix plus its slug."""
    return directory_url(request)
