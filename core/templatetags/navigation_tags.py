"""{% navigation as nav %}: the main menu, the footer links and the accessibility mention of base.html."""

from django import template

from core.models import NavigationSettings
from core.navigation import DEFAULT_MAIN_MENU, AccessibilityStatus, MenuLink, is_current

register = template.Library()


@register.simple_tag(takes_context=True)
def navigation(context):
    """{"main": [MenuLink…], "footer": [MenuLink…], "accessibility_status": "…", "accessibility_url": "…"}."""
    request = context.get("request")
    try:
        settings = NavigationSettings.for_request(request) if request is not None else None
    except NavigationSettings.DoesNotExist:  # a request no Site answers (an unknown host)
        settings = None
    if settings is None:
        path = getattr(request, "path", None)
        return {
            "main": [MenuLink(label, href, is_current(href, path)) for label, href in DEFAULT_MAIN_MENU],
            "footer": [],
            "accessibility_status": AccessibilityStatus.NON_CONFORME.label,
            "accessibility_url": "",
        }
    links = settings.links(request)
    return {
        "main": links["main"],
        "footer": links["footer"],
        "accessibility_status": settings.get_accessibility_status_display(),
        "accessibility_url": settings.accessibility_url(request),
    }
