"""manage.py generate_renditions: queue the renditions of every live page and image (after a deploy or import).

Publishing a page and uploading an image already do this; this command catches up content that existed
before, so that no visitor request has to create a rendition.
"""

from django.core.management.base import BaseCommand
from wagtail.images import get_image_model
from wagtail.models import Page

from core.models import SiteSettings
from media_library.renditions import CARD_SPECS
from media_library.tasks import create_renditions, generate_image_renditions, generate_page_renditions


class Command(BaseCommand):
    help = "Crée à l’avance les déclinaisons (renditions) des images de toutes les pages publiées."

    def handle(self, *args, **options):
        images = get_image_model().objects.all()
        for image in images.iterator():
            generate_image_renditions.enqueue(image.pk)
        pages = Page.objects.live().specific()
        for page in pages.iterator():
            meta = page._meta
            generate_page_renditions.enqueue(meta.app_label, meta.model_name, page.pk)
        for site_settings in SiteSettings.objects.select_related("default_image"):
            if site_settings.default_image:
                create_renditions(site_settings.default_image, CARD_SPECS)
        self.stdout.write(
            self.style.SUCCESS(f"Déclinaisons demandées pour {images.count()} images et {pages.count()} pages.")
        )
