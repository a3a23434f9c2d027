"""Running the import again on the tiny fixture: after the SPIP site changed, and after an interrupted run."""

import shutil
import sqlite3

import pytest
from django.db import transaction
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Page

from spip_import.fixtures import generate, spip_url
from spip_import.importer.pages import PageImporter
from spip_import.mapping import Mapping
from spip_import.models import SpipImportedObject, SpipImportItem, SpipImportRun
from spip_import.source import Backup, parse_date
from taxonomy.models import Theme

pytestmark = pytest.mark.django_db

NEW_TITLE = "Un titre corrigé par le webmestre"
NEW_TEXT = "Le texte a été corrigé après la publication."
NEW_MODIFIED = "2026-11-30 09:15:00"
PAGE_SECTION = 8  # "Qui sommes-nous": a free page (StandardPage) in the default mapping


@pytest.fixture(scope="module")
def tiny(tmp_path_factory):
    return generate(tmp_path_factory.mktemp("tiny"), size="tiny", seed=3)


@pytest.fixture
def import_tiny(run_import, tiny):
    """Import a backup with the tiny fixture's own IMG/ folder; returns the run's report."""

    def run(backup=None):
        run_import(fixture=tiny, backup=backup)
        return SpipImportRun.objects.order_by("-pk").first()

    return run


def edited_copy(tiny, tmp_path, sql):
    """A copy of the tiny backup where `sql(connection)` changed some rows, as an editor would in SPIP."""
    path = tmp_path / "edited.sqlite"
    shutil.copy(tiny.backup, path)
    with sqlite3.connect(path) as connection:
        sql(connection)
    connection.close()
    return path


def page_of(spip_type, spip_id):
    return Page.objects.get(pk=SpipImportedObject.objects.get(spip_type=spip_type, spip_id=spip_id).object_id)


def outcomes(run, *kinds):
    return set(SpipImportItem.objects.filter(run=run, outcome__in=kinds).values_list("spip_type", "spip_id"))


def imported_pages():
    """(type, id) → (url, checksum) of every SPIP object that became a page."""
    return {
        (o.spip_type, o.spip_id): (o.url, o.checksum)
        for o in SpipImportedObject.objects.filter(spip_type__in=("article", "rubrique", "evenement"))
    }


def redirect_targets():
    """old path → ("page", url_path of the target page) or ("link", the link)."""
    return {
        r.old_path: ("page", r.redirect_page.url_path) if r.redirect_page_id else ("link", r.redirect_link)
        for r in Redirect.objects.select_related("redirect_page")
    }


def test_a_rerun_after_edits_in_spip_updates_only_what_changed(import_tiny, tiny, tmp_path, client):
    backup = Backup(tiny.backup)
    aid = min(a for a, r in backup.articles.items() if r["statut"] == "publie" and r["id_secteur"] == 1)
    old_url = backup.urls["article", aid][0]["url"]
    first = import_tiny()
    assert first.failed == 0
    page = page_of("article", aid).specific
    url, revisions = page.url, page.revisions.count()
    checksums = dict(SpipImportedObject.objects.values_list("pk", "checksum"))
    counts = (Page.objects.count(), SpipImportedObject.objects.count(), Redirect.objects.count())

    def edit(connection):
        # The article is retitled and rewritten; SPIP dates the change and gives it a new URL, keeping the old one.
        connection.execute(
            "UPDATE spip_articles SET titre=?, texte=?, date_modif=? WHERE id_article=?",
            (NEW_TITLE, NEW_TEXT, NEW_MODIFIED, aid),
        )
        connection.execute(
            "INSERT INTO spip_urls (url, type, id_objet, date) VALUES (?, 'article', ?, ?)",
            (spip_url(NEW_TITLE), aid, NEW_MODIFIED),
        )
        connection.execute(
            "UPDATE spip_rubriques SET titre='Qui sommes-nous vraiment' WHERE id_rubrique=?", (PAGE_SECTION,)
        )

    second = import_tiny(edited_copy(tiny, tmp_path, edit))

    # The report: the two edited items are updated, everything else imported the first time is unchanged.
    assert (second.created, second.updated, second.failed) == (0, 2, 0)
    assert outcomes(second, "updated") == {("article", aid), ("rubrique", PAGE_SECTION)}
    assert second.unchanged == first.created + first.updated + first.unchanged - 2
    assert second.skipped == first.skipped
    # Nothing was created twice; the new SPIP URL is one more redirect.
    assert (Page.objects.count(), SpipImportedObject.objects.count()) == counts[:2]
    assert second.redirects == first.redirects + 1 and Redirect.objects.count() == counts[2] + 1
    # Only the two edited objects got a new checksum.
    after = dict(SpipImportedObject.objects.values_list("pk", "checksum"))
    changed = {pk for pk in after if after[pk] != checksums[pk]}
    edited_objects = SpipImportedObject.objects.filter(spip_type="article", spip_id=aid) | (
        SpipImportedObject.objects.filter(spip_type="rubrique", spip_id=PAGE_SECTION)
    )
    assert changed == set(edited_objects.values_list("pk", flat=True))

    # The same page, at the same address, now shows the new title and text in a new live revision.
    edited = page_of("article", aid).specific
    assert edited.pk == page.pk and edited.url == url
    assert edited.title == NEW_TITLE and NEW_TEXT in str(edited.body)
    assert edited.live and not edited.has_unpublished_changes
    assert edited.revisions.count() == revisions + 1
    assert edited.live_revision_id == edited.latest_revision.pk
    assert edited.last_published_at == parse_date(NEW_MODIFIED)
    response = client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    assert NEW_TITLE in html and NEW_TEXT in html

    # The section's page is retitled in place.
    section = page_of("rubrique", PAGE_SECTION)
    assert section.title == "Qui sommes-nous vraiment" and section.url == "/qui-sommes-nous/"

    # Old links keep working: the old SPIP URL, the new one and the numeric ones lead to the same page.
    for old in (f"/{old_url}", f"/{spip_url(NEW_TITLE)}", f"/spip.php?article{aid}", f"/article{aid}.html"):
        response = client.get(old)
        assert (response.status_code, response["Location"]) == (301, url), old
    response = client.get("/-Qui-sommes-nous-")
    assert (response.status_code, response["Location"]) == (301, "/qui-sommes-nous/")


def test_a_keyword_renamed_in_spip_renames_its_term(import_tiny, tiny, tmp_path):
    backup = Backup(tiny.backup)
    mot = next(m for m, r in sorted(backup.mots.items()) if backup.groups[r["id_groupe"]]["titre"] == "Thématiques")
    import_tiny()
    themes = Theme.objects.count()

    def edit(connection):
        connection.execute("UPDATE spip_mots SET titre='Coopération renommée' WHERE id_mot=?", (mot,))

    second = import_tiny(edited_copy(tiny, tmp_path, edit))
    assert Theme.objects.count() == themes
    assert (second.created, second.updated) == (0, 1)
    term = SpipImportedObject.objects.get(spip_type="mot", spip_id=mot).target
    assert term.name == "Coopération renommée"
    slug = term.slug  # unchanged: the theme's URL stays the same

    # An editor corrects the name in the admin; a re-run with nothing changed in SPIP keeps the correction.
    Theme.objects.filter(pk=term.pk).update(name="Coopération (nom corrigé)")
    third = import_tiny(edited_copy(tiny, tmp_path, edit))
    term.refresh_from_db()
    assert (third.created, third.updated, term.name, term.slug) == (0, 0, "Coopération (nom corrigé)", slug)


def test_an_interrupted_run_starts_again_and_ends_as_an_uninterrupted_one(import_tiny, tiny, tmp_path, monkeypatch):
    rule = Mapping.load().rule_for
    source = Backup(tiny.backup)
    news = sorted(
        a
        for a, r in source.articles.items()
        if r["statut"] == "publie" and rule(r["id_rubrique"], source.parents)[0].target == "news"
    )
    stop = min(a for a in news if a > 20)  # Ctrl-C while the importer saves this article
    early, later = news[0], news[-1]
    assert early < stop < later

    def link_forward(connection):
        # An article saved before the interruption links to one imported after it: the link is fixed at the
        # end of a run, which the interrupted run never reached.
        connection.execute(
            "UPDATE spip_articles SET texte = texte || ? WHERE id_article=?",
            (f"\n\nLire aussi [la suite->art{later}].", early),
        )

    path = edited_copy(tiny, tmp_path, link_forward)
    backup = Backup(path)
    pages_before = set(Page.objects.values_list("pk", flat=True))

    # What an uninterrupted import gives, rolled back afterwards.
    with transaction.atomic():
        reference = import_tiny(path)
        expected = {
            "created": outcomes(reference, "created"),
            "pages": Page.objects.count(),
            "imported": imported_pages(),
            "redirects": redirect_targets(),
            "run_redirects": reference.redirects,
        }
        transaction.set_rollback(True)
    assert not SpipImportRun.objects.exists() and Page.objects.count() == len(pages_before)
    assert reference.failed == 0

    original = PageImporter.article

    def article(self, row, force=False):
        result = original(self, row, force)
        if row["id_article"] == stop:
            raise KeyboardInterrupt  # not an Exception: the importer does not catch it per item
        return result

    monkeypatch.setattr(PageImporter, "article", article)
    with pytest.raises(KeyboardInterrupt):
        import_tiny(path)
    monkeypatch.undo()

    # Every item saved before the interruption is kept; the article being saved is rolled back, page included.
    saved = set(SpipImportedObject.objects.values_list("spip_type", "spip_id"))
    assert {(t, i) for t, i in saved if t == "article"} == {("article", a) for a in backup.articles if a < stop}
    assert {("mot", m) for m in backup.mots} | {("rubrique", r) for r in backup.rubriques} <= saved
    remembered_pages = set(
        SpipImportedObject.objects.filter(
            spip_type__in=("article", "rubrique", "evenement"), object_id__isnull=False
        ).values_list("object_id", flat=True)
    )
    assert set(Page.objects.values_list("pk", flat=True)) - pages_before <= remembered_pages  # no orphan page
    # The early article was saved with its link still pointing at the old SPIP URL, and no checksum yet.
    assert SpipImportedObject.objects.get(spip_type="article", spip_id=early).checksum == ""
    assert f'href="/spip.php?article{later}"' in str(page_of("article", early).specific.body.raw_data)

    # The second run creates what the first did not get to, converts the early article again, fails nothing.
    resumed = import_tiny(path)
    assert resumed.failed == 0
    assert outcomes(resumed, "created") == expected["created"] - saved
    assert resumed.created == len(expected["created"] - saved) > 0
    assert outcomes(resumed, "updated") == {("article", early)} and resumed.updated == 1
    later_page = page_of("article", later)
    assert f'linktype="page" id="{later_page.pk}"' in str(page_of("article", early).specific.body.raw_data)

    # The result is that of an uninterrupted import: each article once, same addresses, same redirects.
    assert Page.objects.count() == expected["pages"]
    assert imported_pages() == expected["imported"]  # URLs and checksums (the early one's included)
    live = [a for a, r in backup.articles.items() if r["statut"] == "publie" and r["id_secteur"] != 7]
    page_ids = SpipImportedObject.objects.filter(spip_type="article", spip_id__in=live).values_list(
        "object_id", flat=True
    )
    assert len(page_ids) == len(set(page_ids)) == len(live) and None not in page_ids
    assert Page.objects.filter(pk__in=page_ids, live=True).count() == len(live)
    url_paths = list(Page.objects.values_list("url_path", flat=True))
    assert len(url_paths) == len(set(url_paths))  # no two sibling pages share a slug
    assert resumed.redirects == expected["run_redirects"] == Redirect.objects.count()
    targets = redirect_targets()
    assert targets.keys() == expected["redirects"].keys()
    # Same targets, but for /IMG/ files: the rolled-back reference run left its files in the storage, so the
    # files stored since got other names.
    not_files = {p for p in expected["redirects"] if not p.startswith("/IMG/")}
    assert {p: targets[p] for p in not_files} == {p: expected["redirects"][p] for p in not_files}
