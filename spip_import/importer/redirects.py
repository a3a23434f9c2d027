"""Every old SPIP URL → a permanent wagtail.contrib.redirects Redirect, editable in the admin.

Shapes: each spip_urls row (articles as /Titre, sections as /-Titre-, keywords as /+-Titre-+), the
"page" URLs (spip.php?article12, ?rubrique3, ?mot7, ?page=article&id_article=12, …), the "html" URLs
(article12.html), SPIP 1.x's article.php3?id_article=12, ?debut_autres_articles=N on listing sections,
and /IMG/<ext>/<file> for documents. Redirect.normalise_path sorts query strings, as the middleware
does when it looks them up.
"""

from urllib.parse import quote

from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Page

SHAPES = {
    "article": [
        "/spip.php?article{id}",
        "/spip.php?page=article&id_article={id}",
        "/article{id}.html",
        "/article.php3?id_article={id}",
        "/spip.php?page=imprimer_article&id_article={id}",
    ],
    "rubrique": [
        "/spip.php?rubrique{id}",
        "/spip.php?page=rubrique&id_rubrique={id}",
        "/rubrique{id}.html",
        "/rubrique.php3?id_rubrique={id}",
        "/spip.php?page=backend&id_rubrique={id}",
    ],
    "mot": ["/spip.php?mot{id}", "/spip.php?page=mot&id_mot={id}", "/mot{id}.html"],
    "evenement": ["/spip.php?page=evenement&id_evenement={id}"],
}
MARKERS = {"article": "/{url}", "rubrique": "/-{url}-", "mot": "/+-{url}-+"}


def old_paths(backup, spip_type, spip_id):
    paths = [shape.format(id=spip_id) for shape in SHAPES.get(spip_type, [])]
    for row in backup.urls.get((spip_type, spip_id), []):
        paths.append(MARKERS[spip_type].format(url=row["url"]))
    if spip_type == "document":
        row = backup.documents.get(spip_id)
        if row and row["distant"] != "oui" and row["fichier"]:
            paths.append(f"/IMG/{row['fichier']}")
            if row["mode"] == "logoon":  # SPIP 3 kept logos at the root of IMG/
                paths.append(f"/IMG/{row['fichier'].rsplit('/', 1)[-1]}")
    return paths


def build(importer):
    """{normalised old path: Page | URL} for every imported or skipped object."""
    backup, known = importer.backup, importer.known
    targets = {}
    page_ids = [o.object_id for (t, _), o in known.items() if t in ("article", "rubrique", "evenement") and o.object_id]
    pages = Page.objects.in_bulk(page_ids)
    for (spip_type, spip_id), obj in known.items():
        if not obj.url and not obj.object_id:
            continue
        page = pages.get(obj.object_id) if spip_type in ("article", "evenement") and obj.content_type_id else None
        if spip_type == "rubrique" and obj.object_id and "?" not in obj.url:
            page = pages.get(obj.object_id)
        target = page or obj.url
        for path in old_paths(backup, spip_type, spip_id):
            path = Redirect.normalise_path(path)
            if len(path) <= 255:  # Redirect.old_path's length
                targets[path] = target
        if spip_type == "rubrique":
            listing(importer, spip_id, obj, targets)
    return targets


def listing(importer, spip_id, obj, targets):
    """?debut_autres_articles=N of a listing section → the page of the new index showing those items."""
    if not obj.url or obj.url == (importer.home.url or "/") or not obj.object_id:
        return
    count = sum(1 for row in importer.backup.articles.values() if row["id_rubrique"] == spip_id)
    step, per_page = importer.mapping.spip_page_size, importer.per_page
    joiner = "&" if "?" in obj.url else "?"
    for url_row in importer.backup.urls.get(("rubrique", spip_id), []):
        for start in range(step, count, step):
            old = f"/-{url_row['url']}-?debut_autres_articles={start}"
            targets[Redirect.normalise_path(old)] = f"{obj.url}{joiner}page={start // per_page + 1}"


def save(importer, targets):
    """Create or update the redirects in a few queries (bulk), leaving editors' other redirects alone."""
    existing = {r.old_path: r for r in Redirect.objects.filter(old_path__in=list(targets), site=None)}
    new, changed = [], []
    for old_path, target in targets.items():
        redirect = existing.get(old_path)
        page, link = (target, "") if isinstance(target, Page) else (None, quote(target, safe="/?&=:%#+-_.~"))
        if redirect is None:
            new.append(Redirect(old_path=old_path, is_permanent=True, redirect_page=page, redirect_link=link))
        elif redirect.redirect_page_id != (page.pk if page else None) or redirect.redirect_link != link:
            redirect.redirect_page, redirect.redirect_link = page, link
            changed.append(redirect)
    Redirect.objects.bulk_create(new, batch_size=1000)
    Redirect.objects.bulk_update(changed, ["redirect_page", "redirect_link"], batch_size=1000)
    return len(new), len(changed)
