"""Dry runs, broken items, the mapping file and the report in the admin, on the tiny fixture."""

import shutil
import sqlite3

import pytest
from django.contrib.auth.models import Group, User
from django.core.management import CommandError, call_command
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Page

from spip_import.fixtures import generate
from spip_import.models import SpipImportedObject, SpipImportItem, SpipImportRun

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def tiny(tmp_path_factory):
    return generate(tmp_path_factory.mktemp("tiny"), size="tiny", seed=3)


def test_dry_run_saves_nothing_but_the_report(run_import, tiny, tmp_path):
    pages = Page.objects.count()
    output = run_import("--dry-run", fixture=tiny)
    assert "essai à blanc" in output
    assert Page.objects.count() == pages
    assert not SpipImportedObject.objects.exists() and not Redirect.objects.exists()
    run = SpipImportRun.objects.get()
    assert run.dry_run and run.created > 40
    csv_text = (tmp_path / f"spip-import-{run.pk}.csv").read_text(encoding="utf-8")
    assert csv_text.startswith("type,id,résultat,détail,adresse") and "créé" in csv_text


def test_a_broken_item_is_reported_and_the_run_goes_on(run_import, tiny, tmp_path):
    broken = tmp_path / "broken.sqlite"
    shutil.copy(tiny.backup, broken)
    with sqlite3.connect(broken) as connection:
        aid = connection.execute("SELECT min(id_article) FROM spip_articles WHERE statut='publie'").fetchone()[0]
        connection.execute("UPDATE spip_articles SET date='le 3 mars' WHERE id_article=?", (aid,))
    connection.close()
    run_import(backup=broken)
    run = SpipImportRun.objects.get()
    failure = SpipImportItem.objects.get(run=run, outcome="failed")
    assert (failure.spip_type, failure.spip_id) == ("article", aid) and "date illisible" in failure.detail
    assert run.failed == 1 and run.created > 40
    assert not SpipImportedObject.objects.filter(spip_type="article", spip_id=aid).exists()


def test_a_custom_mapping_skips_a_section(run_import, tiny, tmp_path):
    mapping = tmp_path / "mapping.toml"
    mapping.write_text('[[sections]]\nid = 1\ntarget = "skip"\nreason = "archives"\n', encoding="utf-8")
    run_import("--mapping", str(mapping), fixture=tiny)
    assert SpipImportItem.objects.filter(spip_type="rubrique", spip_id=1, outcome="skipped", detail="archives").exists()
    assert not Page.objects.type(Page).filter(articlepage__isnull=False).exists()


def test_a_bad_mapping_is_refused_with_a_message(run_import, tiny, tmp_path):
    mapping = tmp_path / "mapping.toml"
    mapping.write_text('[[sections]]\nid = 1\ntarget = "ailleurs"\n', encoding="utf-8")
    with pytest.raises(CommandError, match="Section mal décrite"):
        run_import("--mapping", str(mapping), fixture=tiny)
    with pytest.raises(CommandError, match="introuvable"):
        call_command("import_spip", str(tmp_path / "absent.sqlite"))


def test_a_moderator_reads_the_report_in_the_admin(run_import, tiny, client):
    run_import(fixture=tiny)
    run = SpipImportRun.objects.get()
    moderator = User.objects.create_user("moderateur", "m@example.org", "motdepasse", is_staff=True)
    moderator.groups.add(Group.objects.get(name="Modérateurs"))
    client.force_login(moderator)
    listing = client.get("/admin/spip_import/spipimportrun/")
    assert listing.status_code == 200
    assert str(run.created) in listing.content.decode()
    inspect = client.get(f"/admin/spip_import/spipimportrun/inspect/{run.pk}/")
    assert inspect.status_code == 200 and "fichiers manquants" in inspect.content.decode().lower()
    lines = client.get(f"/admin/spip_import/spipimportitem/?run__id__exact={run.pk}&outcome=unknown_markup")
    assert lines.status_code == 200 and "&lt;boite&gt;" in lines.content.decode()
    # Read-only: no way to create or edit a report.
    assert client.get("/admin/spip_import/spipimportrun/create/").status_code in (302, 403)
    assert client.get(f"/admin/spip_import/spipimportrun/edit/{run.pk}/").status_code in (302, 403)


def test_a_writer_does_not_see_the_reports(client, db):
    writer = User.objects.create_user("redacteur", "r@example.org", "motdepasse", is_staff=True)
    writer.groups.add(Group.objects.get(name="Rédacteurs"))
    client.force_login(writer)
    assert client.get("/admin/spip_import/spipimportrun/").status_code in (302, 403)
