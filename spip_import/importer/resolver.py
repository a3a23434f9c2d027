"""Where SPIP objects went, for links in converted text: pages, documents, images, embeds, old URLs."""

from spip_import.typo import Resolver

OLD_URLS = {"article": "/spip.php?article{}", "rubrique": "/spip.php?rubrique{}", "mot": "/spip.php?mot{}"}


class ImportResolver(Resolver):
    def __init__(self, importer):
        self.importer = importer
        self.backup = importer.backup

    def link(self, kind, spip_id):
        known = self.importer.known.get((kind, spip_id))
        title = self.title(kind, spip_id)
        if kind == "document":
            found = self.document(spip_id)
            if not found or found["kind"] == "missing":
                return None
            if found["kind"] == "document":
                return ("document", found["document"], title)
            return ("url", found.get("href") or found.get("url"), title)
        if known is not None and known.content_type_id and known.url:
            if kind == "article" and known.object_id:
                return ("page", known.object_id, title)
            return ("url", known.url, title)
        if known is not None and known.url:  # skipped: its redirect target
            return ("url", known.url, title)
        if kind in OLD_URLS and title is not None:  # in the backup, imported later in this run
            return ("pending", OLD_URLS[kind].format(spip_id), title)
        return None

    def title(self, kind, spip_id):
        row = {
            "article": self.backup.articles,
            "rubrique": self.backup.rubriques,
            "mot": self.backup.mots,
            "document": self.backup.documents,
        }.get(kind, {}).get(spip_id)
        if row is None:
            return None
        return row.get("titre") or row.get("fichier", "").rsplit("/", 1)[-1] or f"{kind} {spip_id}"

    def document(self, spip_id):
        return self.importer.media.describe(spip_id)
