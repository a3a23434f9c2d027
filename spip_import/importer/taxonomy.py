"""Keywords of the mapped groups → Country and Theme snippets (matched by slug, so existing terms are reused)."""

from django.utils.text import slugify

from spip_import.importer.report import Outcome
from spip_import.typo import convert_inline
from taxonomy.models import Country, Theme


class TaxonomyImporter:
    def __init__(self, importer):
        self.importer = importer
        self.backup = importer.backup
        self.mapping = importer.mapping
        self.terms = {}  # spip id_mot → Country | Theme

    def run(self, progress):
        for row in progress(sorted(self.backup.mots.values(), key=lambda r: r["id_mot"]), "mots-clés"):
            self.importer.item("mot", row["id_mot"], lambda row=row: self.keyword(row))

    def keyword(self, row):
        group = self.backup.groups.get(row["id_groupe"]) or {}
        kind = self.mapping.term_kind(convert_inline(group.get("titre", "")))
        if kind is None:
            url = self.importer.home.url or "/"
            self.importer.remember("mot", row["id_mot"], None, url, "")
            return Outcome.SKIPPED, url, f"groupe « {group.get('titre', '?')} » non repris"
        name = convert_inline(row["titre"])[:120]
        model = Country if kind == "country" else Theme
        defaults = {"name": name, "description": convert_inline(row["descriptif"])}
        if model is Country:
            defaults["region"] = self.mapping.regions.get(name, self.mapping.default_region)
        term = model.objects.filter(slug=slugify(name)[:120]).first() or model.objects.filter(name=name).first()
        created = term is None
        if created:
            term = model.objects.create(slug=slugify(name)[:120], **defaults)
        self.terms[row["id_mot"]] = term
        url = term.get_absolute_url()
        previous = self.importer.known.get(("mot", row["id_mot"]))
        self.importer.remember("mot", row["id_mot"], term, url, "")
        if created:
            return Outcome.CREATED, url
        return (Outcome.UNCHANGED if previous is not None else Outcome.UPDATED), url

    def terms_of(self, objet, id_objet):
        found = {"countries": [], "themes": []}
        for id_mot in self.backup.linked("mot", objet, id_objet):
            term = self.terms.get(id_mot)
            if term is not None:
                found["countries" if isinstance(term, Country) else "themes"].append(term)
        return found
