"""manage.py load_demo_content: the demo site of Cités Unies France, idempotent (run it as often as you like)."""

import time

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page
from wagtailmedia import get_media_model

from articles.models import ArticlePage
from demo.builder import build
from events.models import EventPage
from resources.models import ResourcePage
from taxonomy.models import Country, Theme


class Command(BaseCommand):
    help = "Crée ou met à jour le contenu de démonstration (pages, images, documents, comptes, taxonomie)."

    def handle(self, *args, **options):
        started = time.monotonic()
        result = build()
        if result["generated_password"]:
            self.stdout.write(
                self.style.WARNING(f"Mot de passe des comptes de démonstration : {result['generated_password']}")
            )
        counts = [
            ("pages", Page.objects.filter(depth__gt=1).count()),
            ("articles", ArticlePage.objects.count()),
            ("événements", EventPage.objects.count()),
            ("dont à venir", EventPage.objects.upcoming().count()),
            ("ressources", ResourcePage.objects.count()),
            ("images", get_image_model().objects.count()),
            ("documents", get_document_model().objects.count()),
            ("médias", get_media_model().objects.count()),
            ("pays", Country.objects.count()),
            ("thématiques", Theme.objects.count()),
            ("comptes", get_user_model().objects.count()),
        ]
        site = result["site"]
        self.stdout.write(f"Site : {site.hostname}:{site.port} → « {site.root_page.title} »")
        self.stdout.write(" · ".join(f"{label} : {count}" for label, count in counts))
        self.stdout.write(
            self.style.SUCCESS(
                f"Contenu de démonstration prêt en {time.monotonic() - started:.1f} s "
                f"({result['pages_created']} pages créées, {result['pages_updated']} mises à jour)."
            )
        )
