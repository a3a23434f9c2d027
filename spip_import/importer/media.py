"""spip_documents → CufImage (pictures and logos), CufDocument (every other file), embeds (distant videos)."""

from pathlib import Path

from django.core.files import File
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from spip_import.importer.report import Outcome
from spip_import.typo import convert_inline

IMAGE_EXTENSIONS = {"jpg", "jpeg", "png", "gif", "webp"}


class MediaImporter:
    def __init__(self, importer):
        self.importer = importer
        self.backup = importer.backup
        self.img_dir = Path(importer.img_dir) if importer.img_dir else None
        self.images = {}  # spip id → CufImage
        self.documents = {}  # spip id → CufDocument
        self.new_images = []

    def run(self, progress):
        Image, Document = get_image_model(), get_document_model()
        known = self.importer.known
        image_ids = [o.object_id for (t, _), o in known.items() if t == "document" and o.object_id]
        # One query each for what earlier runs imported, instead of one per document.
        by_pk = {**{("image", i.pk): i for i in Image.objects.filter(pk__in=image_ids)}}
        by_pk.update({("doc", d.pk): d for d in Document.objects.filter(pk__in=image_ids)})
        image_type = self.importer.content_type(Image)
        for row in progress(sorted(self.backup.documents.values(), key=lambda r: r["id_document"]), "documents"):
            if row["mode"] == "logooff":
                continue
            previous = known.get(("document", row["id_document"]))
            if previous is not None and previous.object_id:
                kind = "image" if previous.content_type_id == image_type.pk else "doc"
                obj = by_pk.get((kind, previous.object_id))
                if obj is not None:
                    (self.images if kind == "image" else self.documents)[row["id_document"]] = obj
            self.importer.item("document", row["id_document"], lambda row=row: self.import_one(row))

    def checksum_of(self, row):
        return self.importer.checksum(row, self.file_path(row) and self.file_path(row).is_file())

    def file_path(self, row):
        if row["distant"] == "oui" or not self.img_dir or not row["fichier"]:
            return None
        return self.img_dir / row["fichier"]

    def import_one(self, row):
        id_doc = row["id_document"]
        previous = self.importer.known.get(("document", id_doc))
        if row["distant"] == "oui":
            checksum = self.checksum_of(row)
            if previous is not None and previous.checksum == checksum:
                return Outcome.UNCHANGED, row["fichier"]
            self.importer.remember("document", id_doc, None, row["fichier"], checksum)
            return (Outcome.CREATED if previous is None else Outcome.UPDATED), row["fichier"]
        path = self.file_path(row)
        if path is None or not path.is_file():
            self.importer.remember("document", id_doc, None, "", self.checksum_of(row))
            self.importer.report.add("document", id_doc, Outcome.MISSING_FILE, f"IMG/{row['fichier']}")
            return None, ""
        checksum = self.checksum_of(row)
        existing = self.images.get(id_doc) or self.documents.get(id_doc)
        if existing is not None and previous is not None and previous.checksum == checksum:
            return Outcome.UNCHANGED, previous.url
        title = convert_inline(row["titre"]) or path.name
        is_image = row["extension"].lower() in IMAGE_EXTENSIONS or row["mode"] in ("image", "logoon")
        model = get_image_model() if is_image else get_document_model()
        obj = existing if isinstance(existing, model) else model()
        obj.title = title[:255]
        if is_image:
            alt = convert_inline(row.get("alt") or "") or convert_inline(row["descriptif"]) or title
            obj.description = alt[:255]
            obj.credit = convert_inline(row["credits"])[:255]
        with path.open("rb") as handle:
            obj.file.save(path.name, File(handle), save=False)
        if is_image:
            obj._set_image_file_metadata()
        else:
            obj._set_document_file_metadata()
        created = obj.pk is None
        obj.save()
        (self.images if is_image else self.documents)[id_doc] = obj
        if is_image:
            self.new_images.append(obj.pk)
        url = obj.file.url if is_image else obj.url
        self.importer.remember("document", id_doc, obj, url, checksum)
        return (Outcome.CREATED if created else Outcome.UPDATED), url

    def describe(self, id_doc):
        """What <docN>/<imgN>/<embN> and [->docN] show, for the converter."""
        row = self.backup.documents.get(id_doc)
        if row is None:
            return None
        caption = convert_inline(row["titre"] or row["descriptif"])
        if row["distant"] == "oui":
            return {"kind": "embed", "url": row["fichier"], "title": caption}
        if id_doc in self.images:
            image = self.images[id_doc]
            return {
                "kind": "image",
                "image": image.pk,
                "caption": caption,
                "credit": image.credit,
                "href": image.file.url,
            }
        if id_doc in self.documents:
            document = self.documents[id_doc]
            return {"kind": "document", "document": document.pk, "label": document.title}
        return {"kind": "missing", "name": f"IMG/{row['fichier']}"}

    def image(self, id_doc):
        return self.images.get(id_doc)

    def document(self, id_doc):
        return self.documents.get(id_doc)
