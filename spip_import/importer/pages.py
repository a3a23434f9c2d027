"""Sections → section indexes or free pages; articles → articles, events, resources or free pages."""

import datetime

from django.utils import timezone
from django.utils.text import slugify
from wagtail.models import Page

from articles.models import ArticleIndexPage, ArticlePage
from core.models import StandardPage
from events.models import EventIndexPage, EventPage
from resources.models import ResourceCentrePage, ResourceGalleryImage, ResourcePage
from spip_import.importer.report import Outcome
from spip_import.schema import DRAFT_STATUSES, LIVE_STATUSES
from spip_import.source import parse_date
from spip_import.typo import convert, convert_inline

INDEXES = {
    "news": (ArticleIndexPage, "Actualités", "actualites"),
    "agenda": (EventIndexPage, "Agenda", "agenda"),
    "resources": (ResourceCentrePage, "Centre de ressources", "centre-de-ressources"),
}


class PageImporter:
    def __init__(self, importer):
        self.importer = importer
        self.backup = importer.backup
        self.mapping = importer.mapping
        self.home = importer.home
        self.indexes = {}
        self.slugs = {}  # parent pk → slugs taken
        self.section_pages = {}  # spip id → StandardPage

    # -- sections -----------------------------------------------------------------------------------

    def index(self, target):
        if target not in self.indexes:
            model, title, slug = INDEXES[target]
            page = model.objects.child_of(self.home).first()
            if page is None:
                page = model(title=title, slug=slug)
                self.home.add_child(instance=page)
                page.save_revision(log_action=False).publish(log_action=False)
            self.indexes[target] = page
        return self.indexes[target]

    def rule(self, id_rubrique):
        return self.mapping.rule_for(id_rubrique, self.backup.parents)

    def run_sections(self, progress):
        def depth(rid):
            d, seen = 0, set()
            while self.backup.parents.get(rid) and rid not in seen:
                seen.add(rid)
                rid, d = self.backup.parents[rid], d + 1
            return d

        for row in progress(
            sorted(self.backup.rubriques.values(), key=lambda r: (depth(r["id_rubrique"]), r["id_rubrique"])),
            "rubriques",
        ):  # noqa: E501
            self.importer.item("rubrique", row["id_rubrique"], lambda row=row: self.section(row))

    def section(self, row):
        rid = row["id_rubrique"]
        rule, origin = self.rule(rid)
        if rule.target == "skip":
            url = self.closest_url(self.backup.parents.get(origin, 0))
            self.importer.remember("rubrique", rid, None, url, "")
            return Outcome.SKIPPED, url, rule.reason or "rubrique non reprise"
        if rule.target in INDEXES:
            index = self.index(rule.target)
            url = index.url
            if rule.kind and origin == rid and origin not in self.top_rules(rule.target):
                url = f"{url}?type={rule.kind}"
            elif origin != rid:
                url = self.importer.known[("rubrique", origin)].url
            return self.importer.remember_outcome("rubrique", rid, index, url)
        parent_id = self.backup.parents.get(rid, 0)
        parent = self.section_pages.get(parent_id) or self.home
        conversion = convert(row["texte"], self.importer.resolver, self.mapping.language)
        fields = {
            "title": convert_inline(row["titre"]) or f"Rubrique {rid}",
            "intro": convert_inline(row["descriptif"]),
            "body": conversion.blocks,
        }
        page, outcome = self.importer.save_page(
            "rubrique",
            rid,
            StandardPage,
            parent,
            fields,
            live=True,
            dates=(parse_date(row["date"]),) * 2,
            checksum_data=row,
        )
        self.section_pages[rid] = page
        if outcome != Outcome.UNCHANGED:
            self.importer.report.conversion("rubrique", rid, conversion, page.url or "")
        return outcome, page.url or ""

    def top_rules(self, target):
        """Sections whose rule is the top one for `target` (their URL is the plain index)."""
        ids = [rid for rid, rule in self.mapping.rules.items() if rule.target == target]
        return {rid for rid in ids if not any(self.is_below(rid, other) for other in ids if other != rid)}

    def is_below(self, rid, ancestor):
        seen = set()
        while rid and rid not in seen:
            seen.add(rid)
            rid = self.backup.parents.get(rid, 0)
            if rid == ancestor:
                return True
        return False

    def closest_url(self, rid):
        """URL of the closest imported section at or above `rid`; the home page at worst."""
        seen = set()
        while rid and rid not in seen:
            seen.add(rid)
            known = self.importer.known.get(("rubrique", rid))
            if known is not None and known.url and known.content_type_id:
                return known.url
            rid = self.backup.parents.get(rid, 0)
        return self.home.url or "/"

    # -- articles -----------------------------------------------------------------------------------

    def article(self, row, force=False):
        aid = row["id_article"]
        if row["statut"] not in LIVE_STATUSES | DRAFT_STATUSES:
            url = self.closest_url(row["id_rubrique"])
            self.importer.remember("article", aid, None, url, "")
            return Outcome.SKIPPED, url, f"statut « {row['statut']} »"
        rule, _ = self.rule(row["id_rubrique"])
        if rule.target == "skip":
            url = self.closest_url(row["id_rubrique"])
            self.importer.remember("article", aid, None, url, "")
            return Outcome.SKIPPED, url, rule.reason or "rubrique non reprise"
        date = parse_date(row["date"]) or parse_date(row["maj"]) or timezone.now()
        modified = parse_date(row["date_modif"]) or date
        events = self.backup.events_of.get(aid, [])
        extra = {
            "events": events,
            "mots": self.backup.linked("mot", "article", aid),
            "rule": repr(rule),
            "docs": self.backup.linked("document", "article", aid),
            "authors": self.byline(aid),
        }
        checksum = self.importer.checksum(row, extra)
        previous = self.importer.known.get(("article", aid))
        if not force and previous is not None and previous.checksum == checksum and previous.content_type_id:
            return Outcome.UNCHANGED, previous.url
        conversion = convert(row["texte"], self.importer.resolver, row["lang"] or self.mapping.language)
        body = self.heading_blocks(row, aid) + conversion.blocks + self.ps_blocks(row)
        fields = {
            "title": convert_inline(row["titre"])[:255] or f"Article {aid}",
            "body": body,
            "intro": convert_inline(row["chapo"]) or convert_inline(row["descriptif"]),
            "cover": self.importer.media.image((self.backup.logo("article", aid) or {}).get("id_document")),
        }
        fields["search_description"] = convert_inline(row["descriptif"])
        if rule.target == "news":
            model, parent = ArticlePage, self.index("news")
            fields.update(date=timezone.localdate(date), kind=rule.kind or "actualite")
        elif rule.target == "agenda":
            model, parent = EventPage, self.index("agenda")
            fields.update(self.event_fields(events[0] if events else None, date))
        elif rule.target == "resources":
            model, parent = ResourcePage, self.index("resources")
            fields.update(
                date=timezone.localdate(date),
                kind=rule.kind or "texte",
                document=self.first_file(aid),
                credits=self.credits(aid),
            )
        else:
            model, parent = StandardPage, self.section_pages.get(row["id_rubrique"]) or self.home
            fields.pop("cover")
        terms = self.importer.taxonomy.terms_of("article", aid) if model is not StandardPage else {}
        live = row["statut"] in LIVE_STATUSES
        page, outcome = self.importer.save_page(
            "article",
            aid,
            model,
            parent,
            fields,
            live=live,
            dates=(date, modified),
            terms=terms,
            checksum=checksum,
            pending=conversion.pending,
        )
        if model is ResourcePage and fields["kind"] == "photo":
            self.gallery(page, aid)
        if rule.target == "agenda" and events:
            self.importer.remember("evenement", events[0]["id_evenement"], page, page.url or "", checksum)
        self.importer.report.conversion("article", aid, conversion, page.url or "")
        return outcome, page.url or ""

    def event(self, row):
        """An event that is not the page of its own agenda article: an EventPage of its own."""
        eid = row["id_evenement"]
        article = self.backup.articles.get(row["id_article"])
        if article is None or row["statut"] != "publie" or article["statut"] not in LIVE_STATUSES:
            url = self.importer.known.get(("article", row["id_article"]))
            url = url.url if url is not None else (self.home.url or "/")
            self.importer.remember("evenement", eid, None, url, "")
            return Outcome.SKIPPED, url, "événement non publié ou article non publié"
        checksum = self.importer.checksum(row, self.importer.known.get(("article", row["id_article"])).url)
        previous = self.importer.known.get(("evenement", eid))
        if previous is not None and previous.checksum == checksum and previous.content_type_id:
            return Outcome.UNCHANGED, previous.url
        conversion = convert(row["descriptif"], self.importer.resolver, self.mapping.language)
        link = self.importer.resolver.link("article", row["id_article"])
        body = list(conversion.blocks)
        if link is not None and link[0] == "page":
            body.append(("paragraph", f'<p>Voir l’article : <a linktype="page" id="{link[1]}">{link[2]}</a></p>'))
        start = parse_date(row["date_debut"]) or timezone.now()
        fields = {
            "title": convert_inline(row["titre"])[:255] or f"Événement {eid}",
            "body": body,
            "intro": convert_inline(row["descriptif"])[:500],
            **self.event_fields(row, start),
        }
        terms = self.importer.taxonomy.terms_of("article", row["id_article"])
        created = parse_date(row["date_creation"]) or start
        page, outcome = self.importer.save_page(
            "evenement",
            eid,
            EventPage,
            self.index("agenda"),
            fields,
            live=True,
            dates=(created, created),
            terms=terms,
            checksum=checksum,
        )
        return outcome, page.url or ""

    @staticmethod
    def event_fields(row, fallback):
        if row is None:
            return {"start": fallback, "end": fallback + datetime.timedelta(hours=2), "all_day": False}
        start = parse_date(row["date_debut"]) or fallback
        end = max(parse_date(row["date_fin"]) or start, start)
        place = convert_inline(row["lieu"])
        online = "visio" in place.lower()
        return {
            "start": start,
            "end": end,
            "all_day": row["horaire"] == "non",
            "venue": place[:255],
            "city": "" if online else place[:120],
            "format": "en-ligne" if online else "presentiel",
        }

    def byline(self, aid):
        names = [
            self.backup.authors[a]["nom"]
            for a in self.backup.linked("auteur", "article", aid)
            if a in self.backup.authors
        ]
        return ", ".join(convert_inline(name) for name in names)

    def heading_blocks(self, row, aid):
        """surtitre / soustitre and the authors' byline: the page types have no field for them."""
        parts = [convert_inline(row["surtitre"]), convert_inline(row["soustitre"])]
        line = " — ".join(p for p in parts if p)
        byline = self.byline(aid)
        html = (f"<p><b>{line}</b></p>" if line else "") + (f"<p><i>Par {byline}</i></p>" if byline else "")
        return [("paragraph", html)] if html else []

    def ps_blocks(self, row):
        if not (row.get("ps") or "").strip():
            return []
        conversion = convert(row["ps"], self.importer.resolver, self.mapping.language)
        return conversion.blocks

    def first_file(self, aid):
        for id_doc in self.backup.linked("document", "article", aid):
            document = self.importer.media.document(id_doc)
            if document is not None:
                return document
        return None

    def credits(self, aid):
        for id_doc in self.backup.linked("document", "article", aid):
            credits = convert_inline((self.backup.documents.get(id_doc) or {}).get("credits", ""))
            if credits:
                return credits[:255]
        return ""

    def gallery(self, page, aid):
        images = [self.importer.media.image(d) for d in self.backup.linked("document", "article", aid)]
        ResourceGalleryImage.objects.filter(page=page).delete()
        ResourceGalleryImage.objects.bulk_create(
            [ResourceGalleryImage(page=page, image=image, sort_order=n) for n, image in enumerate(images) if image]
        )

    def unique_slug(self, parent, title, current=None):
        if parent.pk not in self.slugs:
            self.slugs[parent.pk] = set(Page.objects.child_of(parent).values_list("slug", flat=True))
        taken = self.slugs[parent.pk]
        if current and current.slug in taken:
            return current.slug
        base = slugify(title)[:70] or "page"
        slug, n = base, 1
        while slug in taken:
            n += 1
            slug = f"{base}-{n}"
        taken.add(slug)
        return slug
