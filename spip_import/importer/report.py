"""What a run did, item by item: kept in memory, saved as SpipImportRun + items and as CSV at the end."""

import csv
from collections import Counter
from pathlib import Path

from django.utils import timezone

from spip_import.models import SpipImportItem, SpipImportRun

Outcome = SpipImportItem.Outcome
COUNTED = {
    Outcome.CREATED: "created",
    Outcome.UPDATED: "updated",
    Outcome.UNCHANGED: "unchanged",
    Outcome.SKIPPED: "skipped",
    Outcome.FAILED: "failed",
    Outcome.UNKNOWN_MARKUP: "unknown_markup",
    Outcome.MISSING_FILE: "missing_files",
    Outcome.DANGLING_LINK: "dangling_links",
}


class Report:
    def __init__(self):
        self.items = []
        self.counts = Counter()
        self.redirects = 0

    def add(self, spip_type, spip_id, outcome, detail="", url=""):
        self.items.append((spip_type, spip_id, outcome, str(detail)[:2000], url[:500]))
        self.counts[COUNTED[outcome]] += 1

    def conversion(self, spip_type, spip_id, conversion, url=""):
        for literal in sorted(set(conversion.unknown)):
            self.add(spip_type, spip_id, Outcome.UNKNOWN_MARKUP, literal, url)
        for target in sorted(set(conversion.dangling)):
            self.add(spip_type, spip_id, Outcome.DANGLING_LINK, target, url)
        for name in sorted(set(conversion.missing)):
            self.add(spip_type, spip_id, Outcome.MISSING_FILE, name, url)

    def save(self, backup, dry_run, status, csv_dir):
        run = SpipImportRun.objects.create(
            backup=str(backup),
            dry_run=dry_run,
            status=status,
            finished_at=timezone.now(),
            redirects=self.redirects,
            **{name: self.counts[name] for name in COUNTED.values()},
        )
        SpipImportItem.objects.bulk_create(
            [
                SpipImportItem(run=run, spip_type=t, spip_id=i, outcome=o, detail=d, url=u)
                for t, i, o, d, u in self.items
            ],
            batch_size=1000,
        )
        if csv_dir:
            path = Path(csv_dir) / f"spip-import-{run.pk}.csv"
            path.parent.mkdir(parents=True, exist_ok=True)
            with path.open("w", newline="", encoding="utf-8") as handle:
                writer = csv.writer(handle)
                writer.writerow(["type", "id", "résultat", "détail", "adresse"])
                for spip_type, spip_id, outcome, detail, url in self.items:
                    writer.writerow([spip_type, spip_id, Outcome(outcome).label, detail, url])
            run.csv_path = str(path)
            run.save(update_fields=["csv_path"])
        return run
