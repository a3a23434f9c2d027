"""Members-only pages: what a visitor who may not see one gets instead of Wagtail's bare login redirect.

Wagtail checks view restrictions in its ``on_serve_page`` hook and, for "login" and "groups"
restrictions, redirects to an unstyled English login form. For a MembersAreaPage the
``before_serve_page`` hook below answers first, at the page's own URL: a French explanation (status
403, never cached, not indexed) with a mailto link to the group's contact (else the site's contact
email) and a link to log in. Other restricted page types keep Wagtail's redirect, to the French
login template (WAGTAIL_FRONTEND_LOGIN_TEMPLATE = "groups/login.html").

Only MembersAreaPage pays the restriction check twice (two small queries): doing it for every page
would add them to every page of the site.
"""

from urllib.parse import quote

from django.shortcuts import render
from django.utils.cache import add_never_cache_headers, patch_cache_control
from wagtail.models import PageViewRestriction

from core import origin
from core.cards import site_settings


def refused_restriction(page, request):
    """The first "login" or "groups" restriction on `page` (or above it) that the request does not pass."""
    for restriction in page.get_view_restrictions():
        if restriction.restriction_type == PageViewRestriction.PASSWORD:
            continue
        if not restriction.accept_request(request):
            return restriction
    return None


def access_request_link(group, request):
    """mailto: link to ask for access, to the group's contact or else the site's contact address."""
    settings = site_settings(request)
    address = (group.contact_email if group is not None else "") or (settings.contact_email if settings else "")
    if not address:
        return ""
    subject = "Demande d’accès à l’espace adhérents"
    if group is not None:
        subject += f" – {group.title}"
    body = (
        "Bonjour,\n\nJe représente la collectivité suivante : …\n"
        f"Je souhaite accéder à l’espace réservé : {origin.absolute(request.path)}\n\nMerci."
    )
    return f"mailto:{address}?subject={quote(subject)}&body={quote(body)}"


def members_only_response(page, request, group):
    context = {
        "group": group,
        "access_link": access_request_link(group, request),
        "login_next": request.get_full_path(),
        "meta_title": "Espace réservé aux collectivités adhérentes",
        "meta_description": "Cet espace est réservé aux collectivités adhérentes de Cités Unies France.",
    }
    response = render(request, "groups/members_only.html", context, status=403)
    add_never_cache_headers(response)
    patch_cache_control(response, private=True, no_store=True)
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response
