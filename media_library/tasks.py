"""Background tasks (django-tasks, the TASKS setting) that create renditions before any visitor needs them.

An upload gets the card and cover renditions; a publication gets every rendition its page and cards show
(cover, card fallback, gallery, body images). A visitor's request then only reads renditions.
"""

import logging

from django.apps import apps
from django_tasks import task
from wagtail.images import get_image_model
from wagtail.images.models import Filter

from media_library.renditions import BODY_SPECS, CARD_SPECS, COVER_SPECS, GALLERY_SPECS, SHARE_SPEC, UPLOAD_SPECS

logger = logging.getLogger(__name__)


def create_renditions(image, specs):
    """Create the missing renditions of `image` for `specs`; return how many were created."""
    Rendition = image.get_rendition_model()
    before = Rendition.objects.filter(image=image).count()
    try:
        image.get_renditions(*[Filter(spec=spec) for spec in specs])
    except Exception:  # a broken source file must not break publishing; the page falls back to a default
        logger.exception("Could not create the renditions of image %s", image.pk)
        return 0
    return Rendition.objects.filter(image=image).count() - before


def page_rendition_plan(page):
    """{image: specs} for everything `page` renders as a card and as a detail page."""
    plan = {}

    def add(image, specs):
        if image is not None:
            plan.setdefault(image, [])
            plan[image].extend(spec for spec in specs if spec not in plan[image])

    if hasattr(page, "card_image"):
        add(page.card_image(), (*CARD_SPECS, SHARE_SPEC))
    add(getattr(page, "cover", None), COVER_SPECS)
    gallery = getattr(page, "gallery_images", None)
    if gallery is not None:
        for item in gallery.select_related("image"):
            add(item.image, GALLERY_SPECS)
    body = getattr(page, "body", None)
    for block in body or ():
        if block.block_type == "image" and block.value.get("image") is not None:
            add(block.value["image"], BODY_SPECS)
    return plan


@task()
def generate_image_renditions(image_pk):
    """The card and cover renditions of a newly uploaded or edited image."""
    image = get_image_model().objects.filter(pk=image_pk).first()
    if image is None:
        return 0
    return create_renditions(image, UPLOAD_SPECS)


@task()
def generate_page_renditions(app_label, model_name, page_pk):
    """Every rendition a published page and its card render."""
    model = apps.get_model(app_label, model_name)
    page = model.objects.filter(pk=page_pk).first()
    if page is None:
        return 0
    return sum(create_renditions(image, specs) for image, specs in page_rendition_plan(page).items())
