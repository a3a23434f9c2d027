"""Serves uploaded files from MEDIA_ROOT when no front server or object storage does (SERVE_MEDIA=1).

Uploads are untrusted: whatever their name says, they must never run as a page of the site's
origin. Every response is `nosniff`, carries a sandboxing Content-Security-Policy (no script, no
same-origin access even if a browser renders it), and anything that is not a plain image, sound,
video or PDF is sent as an attachment. The same headers belong on a front server or bucket that
serves /media/ (see the README).
"""

from django.conf import settings
from django.views.decorators.http import require_safe
from django.views.static import serve

INLINE_CONTENT_TYPES = {
    "image/jpeg",
    "image/png",
    "image/gif",
    "image/webp",
    "image/avif",
    "application/pdf",
    "text/vtt",
}
INLINE_PREFIXES = ("audio/", "video/")
MEDIA_CSP = "default-src 'none'; img-src 'self'; media-src 'self'; style-src 'unsafe-inline'; sandbox"


def harden(response):
    content_type = response.get("Content-Type", "").split(";")[0].strip().lower()
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = MEDIA_CSP
    response["Cache-Control"] = "public, max-age=86400"
    if content_type not in INLINE_CONTENT_TYPES and not content_type.startswith(INLINE_PREFIXES):
        filename = response.get("Content-Disposition", "").partition(";")[2].strip()
        response["Content-Disposition"] = "attachment" + (f"; {filename}" if filename else "")
        response["Content-Type"] = "application/octet-stream"
    return response


@require_safe
def serve_media(request, path):
    return harden(serve(request, path, document_root=settings.MEDIA_ROOT))
