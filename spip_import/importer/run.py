"""One import run: keywords, documents, sections, articles, events, redirects; then one purge and the renditions.

Each item is saved in its own transaction (a failure is reported and the run goes on; an interrupted
run starts again where it stopped, since every imported object remembers its SPIP type, id and a
checksum). A dry run does everything inside one transaction rolled back at the end, then saves the report.
"""

import hashlib
import json
import uuid

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from tqdm import tqdm
from wagtail.blocks import StreamValue
from wagtail.models import Page, Revision, Site

from home.models import HomePage
from media_library.tasks import generate_image_renditions, generate_page_renditions
from pagecache.purge import purge_all
from spip_import.importer import redirects
from spip_import.importer.media import MediaImporter
from spip_import.importer.pages import PageImporter
from spip_import.importer.quiet import quiet_signals
from spip_import.importer.report import Outcome, Report
from spip_import.importer.resolver import ImportResolver
from spip_import.importer.taxonomy import TaxonomyImporter
from spip_import.models import SpipImportedObject
from spip_import.source import Backup


class ImportError_(RuntimeError):  # noqa: N801 - not the builtin
    pass


class Rollback(Exception):  # noqa: N818
    pass


class Importer:
    def __init__(self, backup_path, mapping, img_dir=None, dry_run=False, progress=False, csv_dir=None):
        self.backup = Backup(backup_path)
        self.backup_path = backup_path
        self.mapping = mapping
        self.img_dir = img_dir
        self.dry_run = dry_run
        self.show_progress = progress
        self.csv_dir = csv_dir
        self.report = Report()
        self.per_page = settings.ARTICLES_PER_PAGE
        self.content_types = {}
        self.live_pages = set()

    # -- helpers used by the parts --------------------------------------------------------------------

    def progress(self, iterable, label):
        items = list(iterable)
        return tqdm(items, desc=label, unit="obj", disable=not self.show_progress, leave=False)

    def content_type(self, model):
        if model not in self.content_types:
            self.content_types[model] = ContentType.objects.get_for_model(model, for_concrete_model=False)
        return self.content_types[model]

    @staticmethod
    def checksum(*parts):
        data = json.dumps(parts, sort_keys=True, default=str, ensure_ascii=False)
        return hashlib.sha1(data.encode(), usedforsecurity=False).hexdigest()

    def remember(self, spip_type, spip_id, obj, url, checksum):
        known = self.known.get((spip_type, spip_id)) or SpipImportedObject(spip_type=spip_type, spip_id=spip_id)
        known.content_type = self.content_type(type(obj)) if obj is not None else None
        known.object_id = obj.pk if obj is not None else None
        known.url, known.checksum = url or "", checksum
        known.save()
        self.known[spip_type, spip_id] = known
        return known

    def remember_outcome(self, spip_type, spip_id, obj, url):
        previous = self.known.get((spip_type, spip_id))
        unchanged = previous is not None and previous.object_id == obj.pk and previous.url == url
        if not unchanged:
            self.remember(spip_type, spip_id, obj, url, "")
        return (Outcome.UNCHANGED if unchanged else Outcome.CREATED if previous is None else Outcome.UPDATED), url

    def item(self, spip_type, spip_id, work):
        """Run `work` in its own savepoint; it returns (outcome, url[, detail]) or (None, url) when it reported."""
        try:
            with transaction.atomic():
                result = work()
        except Exception as error:  # noqa: BLE001 - one broken item must not stop twenty years of content
            # What this item remembered was rolled back with it: read it again from the database.
            stored = SpipImportedObject.objects.filter(spip_type=spip_type, spip_id=spip_id).first()
            self.known.pop((spip_type, spip_id), None) if stored is None else self.known.update(
                {(spip_type, spip_id): stored}
            )
            self.report.add(spip_type, spip_id, Outcome.FAILED, f"{type(error).__name__}: {error}")
            return
        outcome, url, *detail = result
        if outcome is not None:
            self.report.add(spip_type, spip_id, outcome, detail[0] if detail else "", url or "")

    def save_page(
        self,
        spip_type,
        spip_id,
        model,
        parent,
        fields,
        live,
        dates,
        terms=None,
        checksum=None,
        checksum_data=None,
        pending=False,
    ):
        """Create or update the page of a SPIP object, live with its original dates or as a draft."""
        checksum = checksum or self.checksum(checksum_data, fields.get("title"))
        previous = self.known.get((spip_type, spip_id))
        page = None
        if previous is not None and previous.object_id and previous.content_type_id == self.content_type(model).pk:
            page = model.objects.filter(pk=previous.object_id).first()
        if page is not None and previous.checksum == checksum:
            if live:
                self.live_pages.add((model, page.pk))
            return page, Outcome.UNCHANGED
        created = page is None
        if created:
            page = model(slug=self.pages.unique_slug(parent, fields["title"]))
        for name, value in fields.items():
            setattr(page, name, raw_stream(page, name, value) if name == "body" else value)
        first, last = dates
        page.live = live
        page.has_unpublished_changes = not live
        page.first_published_at = first if live else None
        page.last_published_at = last if live else None
        for name, values in (terms or {}).items():
            getattr(page, name).set(values)
        if created:
            parent.add_child(instance=page)
        else:
            page.save()
        revision = page.save_revision(log_action=False, clean=False, changed=not live)
        Revision.objects.filter(pk=revision.pk).update(created_at=last or first)
        Page.objects.filter(pk=page.pk).update(
            live_revision=revision if live else None,
            latest_revision_created_at=last or first,
            has_unpublished_changes=not live,
            first_published_at=page.first_published_at,
            last_published_at=page.last_published_at,
        )
        if live:
            self.live_pages.add((model, page.pk))
        self.remember(spip_type, spip_id, page, page.url or "", "" if pending else checksum)
        if pending:
            self.pending.append(spip_id)
        return page, (Outcome.CREATED if created else Outcome.UPDATED)

    # -- the run --------------------------------------------------------------------------------------

    def run(self):
        site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
        home = site.root_page.specific if site else None
        if not isinstance(home, HomePage):
            raise ImportError_("Le site n’a pas de page d’accueil : lancez d’abord load_demo_content ou créez-la.")
        self.home = home
        status = "terminé"
        with quiet_signals():
            try:
                with transaction.atomic(durable=False) if self.dry_run else _nullcontext():
                    self.steps()
                    if self.dry_run:
                        raise Rollback
            except Rollback:
                status = "essai à blanc (rien n’a été enregistré)"
        run = self.report.save(self.backup_path, self.dry_run, status, self.csv_dir)
        if not self.dry_run:
            transaction.on_commit(self.after_import)
        return run

    def steps(self):
        self.known = {(o.spip_type, o.spip_id): o for o in SpipImportedObject.objects.all()}
        self.pending = []
        self.resolver = ImportResolver(self)
        self.media = MediaImporter(self)
        self.taxonomy = TaxonomyImporter(self)
        self.pages = PageImporter(self)
        self.taxonomy.run(self.progress)
        self.media.run(self.progress)
        self.pages.run_sections(self.progress)
        for row in self.progress(sorted(self.backup.articles.values(), key=lambda r: r["id_article"]), "articles"):
            self.item("article", row["id_article"], lambda row=row: self.pages.article(row))
        for aid in self.progress(self.pending[:], "liens à reprendre"):  # links to articles imported after them
            self.pending.remove(aid)
            self.report.items = [
                i
                for i in self.report.items
                if not (
                    i[0] == "article"
                    and i[1] == aid
                    and i[2] in (Outcome.UNKNOWN_MARKUP, Outcome.DANGLING_LINK, Outcome.MISSING_FILE)
                )
            ]
            row = self.backup.articles[aid]
            self.item("article", aid, lambda row=row: (self.pages.article(row, force=True)[0] and None, ""))
        for row in self.progress(self.backup.events.values(), "événements"):
            if ("evenement", row["id_evenement"]) in self.known and self.is_article_event(row):
                continue
            self.item("evenement", row["id_evenement"], lambda row=row: self.pages.event(row))
        targets = redirects.build(self)
        created, changed = redirects.save(self, targets)
        self.report.redirects = len(targets)
        self.redirect_counts = (created, changed)

    def is_article_event(self, row):
        known = self.known[("evenement", row["id_evenement"])]
        article = self.known.get(("article", row["id_article"]))
        return article is not None and article.object_id and article.object_id == known.object_id

    def after_import(self):
        """Once, after the import has committed: purge the page cache and queue the renditions."""
        purge_all()
        for pk in self.media.new_images:
            generate_image_renditions.enqueue(pk)
        for model, pk in sorted(self.live_pages, key=lambda item: item[1]):
            generate_page_renditions.enqueue(model._meta.app_label, model._meta.model_name, pk)


def raw_stream(page, name, blocks):
    """Blocks as (type, value) pairs → the StreamField's stored JSON form (values as the database keeps them)."""
    field = page._meta.get_field(name)
    data = [{"type": kind, "value": value, "id": str(uuid.uuid4())} for kind, value in blocks]
    return StreamValue(field.stream_block, data, is_lazy=True)


class _nullcontext:
    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False
