from django.core.management.base import BaseCommand, CommandError

from spip_import.importer.run import Importer, ImportError_
from spip_import.mapping import Mapping, MappingError
from spip_import.source import BackupError


class Command(BaseCommand):
    help = "Import a SPIP 3/4 backup (SQLite, from Maintenance → Sauvegarder la base) and its IMG/ folder."

    def add_arguments(self, parser):
        parser.add_argument("backup", help="tmp/dump/<site>_<date>.sqlite")
        parser.add_argument("--media", help="the site's IMG/ folder")
        parser.add_argument("--mapping", help="TOML mapping file (default: spip_import/default_mapping.toml)")
        parser.add_argument("--dry-run", action="store_true", help="do everything, save nothing, write the report")
        parser.add_argument("--report-dir", default="var/spip_import", help="where the CSV report is written")

    def handle(self, *args, **options):
        try:
            mapping = Mapping.load(options["mapping"])
            importer = Importer(
                options["backup"],
                mapping,
                img_dir=options["media"],
                dry_run=options["dry_run"],
                progress=options["verbosity"] > 0 and self.stdout.isatty(),
                csv_dir=options["report_dir"],
            )
            run = importer.run()
        except (BackupError, MappingError, ImportError_) as error:
            raise CommandError(str(error)) from error
        totals = ", ".join(f"{name}: {value}" for name, value in run.totals().items())
        self.stdout.write(f"{run} — {run.status}. {totals}. Rapport : {run.csv_path}")
