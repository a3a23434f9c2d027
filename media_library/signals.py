"""Queue rendition generation when an image is saved and when a page is published."""

from django.db import transaction
from django.db.models.signals import post_save
from wagtail.images import get_image_model
from wagtail.signals import page_published

from media_library.tasks import generate_image_renditions, generate_page_renditions


def image_saved(sender, instance, raw=False, **kwargs):
    if raw or not instance.file:
        return
    update_fields = kwargs.get("update_fields")
    if update_fields is not None and not {"file", "focal_point_x", "focal_point_width"} & set(update_fields):
        return
    pk = instance.pk
    transaction.on_commit(lambda: generate_image_renditions.enqueue(pk))


def page_was_published(sender, instance, **kwargs):
    meta = instance.specific_class._meta if instance.specific_class else instance._meta
    args = (meta.app_label, meta.model_name, instance.pk)
    transaction.on_commit(lambda: generate_page_renditions.enqueue(*args))


def connect():
    post_save.connect(image_saved, sender=get_image_model(), dispatch_uid="cuf_image_renditions")
    page_published.connect(page_was_published, dispatch_uid="cuf_page_renditions")
