"""manage.py purge_page_cache: invalidate every cached page, e.g. after a bulk import that sent no signals."""

from django.core.management.base import BaseCommand

from pagecache.purge import purge_all


class Command(BaseCommand):
    help = "Vide le cache des pages (après un import en masse, par exemple)."

    def handle(self, *args, **options):
        purge_all()
        self.stdout.write(self.style.SUCCESS("Cache des pages vidé."))
