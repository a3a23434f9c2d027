"""{% navigation as nav %}: the main menu, the footer links and the accessibility mention of base.html."""

from django import template
from wagtail.models import Site

from core.models import NavigationSettings
from core.navigation import DEFAULT_MAIN_MENU, AccessibilityStatus, MenuLink, is_current
from pagecache.fragments import reused_until_purge

register = template.Library()


def site_navigation(request):
    """The site's menus as plain values, the same for every page: {"main": [(label, href)…], "footer":
    […], "accessibility_status": "…", "accessibility_url": "…"}; None for a request no Site answers."""
    try:
        settings = NavigationSettings.for_request(request)
    except NavigationSettings.DoesNotExist:  # a request no Site answers (an unknown host)
        return None
    links = settings.links(request)
    return {
        "main": [(link.label, link.href) for link in links["main"]],
        "footer": [(link.label, link.href) for link in links["footer"]],
        "accessibility_status": settings.get_accessibility_status_display(),
        "accessibility_url": settings.accessibility_url(request),
    }


@register.simple_tag(takes_context=True)
def navigation(context):
    """{"main": [MenuLink…], "footer": [MenuLink…], "accessibility_status": "…", "accessibility_url": "…"}.

    The menus' settings and pages (two queries) are read once per purge for each site: their edits
    and the publication of the pages they link to purge (pagecache/purge.py); only which link is the
    current page's is worked out per request.
    """
    request = context.get("request")
    site = Site.find_for_request(request) if request is not None else None
    found = reused_until_purge("navigation", (site.pk,), lambda: site_navigation(request)) if site else None
    path = getattr(request, "path", None)
    if found is None:
        return {
            "main": [MenuLink(label, href, is_current(href, path)) for label, href in DEFAULT_MAIN_MENU],
            "footer": [],
            "accessibility_status": AccessibilityStatus.NON_CONFORME.label,
            "accessibility_url": "",
        }
    return {
        **found,
        "main": [MenuLink(label, href, is_current(href, path)) for label, href in found["main"]],
        "footer": [MenuLink(label, href, is_current(href, path)) for label, href in found["footer"]],
    }
