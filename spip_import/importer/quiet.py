"""Silence the per-save page-cache purges and rendition tasks while importing; the run does both once at the end."""

import contextlib

from django.db.models.signals import post_delete, post_save
from wagtail import signals as wagtail_signals
from wagtail.images import get_image_model

from media_library import signals as media_signals
from pagecache import purge as pagecache_purge

RECEIVERS = [
    (post_save, "pagecache-saved"),
    (post_delete, "pagecache-deleted"),
    (wagtail_signals.page_published, "pagecache-published"),
    (wagtail_signals.page_unpublished, "pagecache-unpublished"),
    (wagtail_signals.post_page_move, "pagecache-moved"),
    (wagtail_signals.published, "pagecache-obj-published"),
    (wagtail_signals.unpublished, "pagecache-obj-unpublished"),
    (wagtail_signals.page_published, "cuf_page_renditions"),
]


@contextlib.contextmanager
def quiet_signals():
    for signal, uid in RECEIVERS:
        signal.disconnect(dispatch_uid=uid)
    post_save.disconnect(sender=get_image_model(), dispatch_uid="cuf_image_renditions")
    try:
        yield
    finally:
        pagecache_purge.connect()
        media_signals.connect()
