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


@require_safe
def preview_link(request, token):
    link = PreviewLink.objects.select_related("page").filter(token=token).first()
    if link is None:
        return protect(render(request, "404.html", status=404))
    if not link.is_valid:
        context = {"revoked": link.revoked, "expired": link.expired}
        return protect(render(request, "editorial/preview_link_invalid.html", context, status=403))

    page = link.page.specific.get_latest_revision_as_object()
    # request.preview_link shows the "version non publiée" banner (templates/includes/preview_banner.html).
    response = page.make_preview_request(request, page.default_preview_mode, extra_request_attrs={"preview_link": link})
    return protect(response)
