"""The public side of shareable preview links: /apercu/<token>/ shows the latest revision of a page."""

from django.shortcuts import render
from django.utils.cache import add_never_cache_headers, patch_cache_control
from django.views.decorators.http import require_safe

from editorial.models import PreviewLink


def protect(response):
    """Never cached (by browsers, proxies or a CDN), never indexed."""
    add_never_cache_headers(response)
    patch_cache_control(response, private=True, no_store=True)
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response


def passes_view_restrictions(page, request):
    """True when the request passes every view restriction (privacy) of the page and its ancestors."""
    return all(restriction.accept_request(request) for restriction in page.get_view_restrictions())


@require_safe
def preview_link(request, token):
    link = PreviewLink.objects.select_related("page").filter(token=token).first()
    if link is None:
        return protect(render(request, "404.html", status=404))
    if not link.is_valid:
        context = {"revoked": link.revoked, "expired": link.expired}
        return protect(render(request, "editorial/preview_link_invalid.html", context, status=403))

    if not passes_view_restrictions(link.page, request):
        # A link to a members-only page (or one under it) opens it only for people who may see the page:
        # forwarding the link must not hand reserved content to anyone else.
        return protect(render(request, "editorial/preview_link_invalid.html", {"restricted": True}, status=403))

    page = link.page.specific.get_latest_revision_as_object()
    # request.preview_link shows the "version non publiée" banner (templates/includes/preview_banner.html).
    response = page.make_preview_request(request, page.default_preview_mode, extra_request_attrs={"preview_link": link})
    return protect(response)
