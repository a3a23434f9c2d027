"""Keywords of the mapped groups → Country and Theme snippets.

A keyword imported before is found again by its SPIP id, so one renamed in SPIP renames its term
(same slug and URL) instead of becoming a second one; a new keyword reuses an existing term of the
same slug or name. A term is rewritten only when its keyword changed in SPIP since the last run (its
checksum), so a name an editor corrected in the admin is not undone by a re-run.
"""

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
        checksum = self.importer.checksum(name, defaults["description"])
        previous = self.importer.known.get(("mot", row["id_mot"]))
        term, outcome = self.imported_term(model, previous), Outcome.UNCHANGED
        if term is None:
            term = model.objects.filter(slug=slugify(name)[:120]).first() or model.objects.filter(name=name).first()
            if term is None:
                term, outcome = model.objects.create(slug=slugify(name)[:120], **defaults), Outcome.CREATED
            elif previous is None:
                outcome = Outcome.UPDATED
        elif previous.checksum != checksum and (term.name, term.description) != (name, defaults["description"]):
            term.name, term.description = name, defaults["description"]
            term.save(update_fields=["name", "description"])
            outcome = Outcome.UPDATED
        self.terms[row["id_mot"]] = term
        url = term.get_absolute_url()
        self.importer.remember("mot", row["id_mot"], term, url, checksum)
        return outcome, url

    def imported_term(self, model, previous):
        """The term a keyword was imported as on an earlier run, if it still exists."""
        if previous is None or not previous.object_id:
            return None
        if previous.content_type_id != self.importer.content_type(model).pk:
            return None
        return model.objects.filter(pk=previous.object_id).first()

    def terms_of(self, objet, id_objet):
        found = {"countries": [], "themes": []}
        for id_mot in self.backup.linked("mot", objet, id_objet):
            term = self.terms.get(id_mot)
            if term is not None:
                found["countries" if isinstance(term, Country) else "themes"].append(term)
        return found
