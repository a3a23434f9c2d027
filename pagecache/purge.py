"""Purge the page cache on every way content changes, before the next request.

Any change sets a new site-wide generation (pagecache.generation) once the transaction commits:
a page's title shows on its index, the homepage, hubs, feeds and the sitemap, a snippet or an
image on many pages, so purging "every affected URL" exactly is fragile, and a new generation is
one cache write. Bumping after commit matters: a request rendering between the change and the
commit reads the old data, and must not store it under the new generation.

Paths covered: publish (admin, workflow approval, scheduled go-live, revision.publish() from code,
copy with keep_live) all send page_published; unpublish and scheduled expiry send
page_unpublished; move sends post_page_move; delete sends post_delete; snippets (Country, Theme and
any registered snippet, e.g. menus), images, documents, media, site settings, sites, redirects and
view restrictions send post_save/post_delete. Draft saves and autosaves do not purge: visitors never
see them.

When WAGTAILFRONTENDCACHE is configured (a CDN), the affected page, its ancestors and the site root
are purged there too (wagtail.contrib.frontend_cache).
"""

import functools

from django.apps import apps
from django.conf import settings
from django.core.cache import caches
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from wagtail import signals as wagtail_signals
from wagtail.contrib.frontend_cache.utils import PurgeBatch
from wagtail.contrib.redirects.models import Redirect
from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import CollectionViewRestriction, Page, PageViewRestriction, Site
from wagtail.snippets.models import get_snippet_models
from wagtailmedia.models import get_media_model

from pagecache import generation
from pagecache.conf import setting


def purge_all():
    """Invalidate every cached page now (also: manage.py purge_page_cache)."""
    generation.bump(caches[setting("PAGE_CACHE_ALIAS")])


def purge_after_commit(page=None):
    transaction.on_commit(purge_all, robust=True)
    if page is not None and getattr(settings, "WAGTAILFRONTENDCACHE", None):
        transaction.on_commit(lambda: purge_frontend_cache(page), robust=True)


def purge_frontend_cache(page):
    batch = PurgeBatch()
    batch.add_pages([page, *page.get_ancestors().filter(depth__gt=1).specific()])
    batch.purge()


def _on_page_change(sender, instance, **kwargs):
    purge_after_commit(instance)


def _on_model_change(sender, instance, **kwargs):
    purge_after_commit()


def _on_save(sender, instance, created=False, **kwargs):
    if sender not in purged_models():
        return
    if created and sender in settings_models():
        # Settings rows are created with their defaults by the first request that reads them
        # (for_site/for_request use get_or_create): nothing visitors see changes, and purging
        # there would throw away the page that very request is about to store.
        return
    purge_after_commit()


def _on_delete(sender, instance, **kwargs):
    if isinstance(instance, Page) or sender in purged_models():
        purge_after_commit()


@functools.cache
def purged_models():
    """Models whose every save or delete can change what visitors see."""
    models = {get_image_model(), get_document_model(), get_media_model(), Site, Redirect}
    models |= {PageViewRestriction, CollectionViewRestriction}
    models |= set(get_snippet_models())
    models |= settings_models()
    return frozenset(models)


@functools.cache
def settings_models():
    return frozenset(model for model in apps.get_models() if issubclass(model, BaseSiteSetting | BaseGenericSetting))


def connect():
    wagtail_signals.page_published.connect(_on_page_change, dispatch_uid="pagecache-published")
    wagtail_signals.page_unpublished.connect(_on_page_change, dispatch_uid="pagecache-unpublished")
    wagtail_signals.post_page_move.connect(_on_page_change, dispatch_uid="pagecache-moved")
    # Snippets with draft state publish and expire through these.
    wagtail_signals.published.connect(_on_model_change, dispatch_uid="pagecache-obj-published")
    wagtail_signals.unpublished.connect(_on_model_change, dispatch_uid="pagecache-obj-unpublished")
    post_delete.connect(_on_delete, dispatch_uid="pagecache-deleted")
    # Connected for every sender and filtered on first use: snippets are registered in
    # wagtail_hooks modules, which are only imported after every app is ready.
    post_save.connect(_on_save, dispatch_uid="pagecache-saved")
