"""A full import of the small SPIP fixture: what a visitor and an editor find on the new site afterwards."""

from urllib.parse import quote

import pytest
from django.utils import timezone
from django_tasks import default_task_backend
from wagtail.contrib.redirects.models import Redirect
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page

from articles.models import ArticlePage
from events.models import EventPage
from spip_import.importer import run as run_module
from spip_import.models import SpipImportedObject, SpipImportRun
from spip_import.source import Backup
from taxonomy.models import Country, Theme

pytestmark = pytest.mark.django_db


def target(spip_type, spip_id):
    return SpipImportedObject.objects.get(spip_type=spip_type, spip_id=spip_id)


def page_of(spip_type, spip_id):
    return Page.objects.get(pk=target(spip_type, spip_id).object_id).specific


def assert_redirects(client, old, new):
    response = client.get(old)
    assert response.status_code == 301, old
    assert response["Location"] == new, old


def test_full_import_then_rerun(run_import, spip_fixture, client, monkeypatch):
    purges = []
    monkeypatch.setattr(run_module, "purge_all", lambda: purges.append(1))
    output = run_import()
    assert "terminé" in output
    backup = Backup(spip_fixture.backup)
    run = SpipImportRun.objects.get()
    assert run.failed == 0 and run.created > 300

    # Every published article of an imported section is live with its original date; drafts are drafts.
    skipped_sections = {7}
    for aid, row in backup.articles.items():
        skipped = row["id_secteur"] in skipped_sections or row["statut"] in ("refuse", "poubelle")
        obj = target("article", aid)
        if skipped:
            assert obj.object_id is None, aid
            continue
        page = Page.objects.get(pk=obj.object_id)
        assert page.live == (row["statut"] == "publie"), aid
        if page.live:
            published = timezone.localtime(page.first_published_at).strftime("%Y-%m-%d %H:%M:%S")
            assert published == row["date"][:19], aid
            if aid % 10 == 0:  # rendering every page would double the test's time
                assert client.get(page.url).status_code == 200, page.url
    # Articles keep their countries and themes, the chapô, the logo as cover, the author as byline.
    article = ArticlePage.objects.live().filter(countries__isnull=False, cover__isnull=False).first()
    assert article is not None and article.themes.count() == 2 and article.intro
    assert "Par " in str(article.body[0].value)

    # Keywords of "Pays" and "Thématiques" are countries and themes; sections and documents are there.
    assert Country.objects.filter(name="Côte d’Ivoire", region="afrique").exists()
    assert Theme.objects.filter(name="Crises et réhabilitation").exists()
    with_files = [d for d in backup.documents.values() if (spip_fixture.img_dir / d["fichier"]).is_file()]
    imported = get_image_model().objects.count() + get_document_model().objects.count()
    assert imported == len(with_files)
    published_events = [e for e in backup.events.values() if e["statut"] == "publie"]
    live_events = [
        e for e in published_events if backup.articles[e["id_article"]]["statut"] == "publie"
    ]  # events of unpublished articles are skipped
    assert EventPage.objects.live().count() >= len(live_events) > 0
    assert client.get(page_of("rubrique", 8).url).status_code == 200  # a free page

    # Every old URL shape answers 301 to the right place.
    art = next(a for a, r in sorted(backup.articles.items()) if r["statut"] == "publie" and r["id_secteur"] == 1)
    url = page_of("article", art).url
    for old in (f"/spip.php?article{art}", f"/spip.php?page=article&id_article={art}", f"/article{art}.html",
                "/" + backup.urls["article", art][0]["url"]):  # fmt: skip
        assert_redirects(client, old, url)
    renamed = next(a for a in backup.articles if len(backup.urls["article", a]) > 1 and target("article", a).object_id)
    assert_redirects(client, "/" + backup.urls["article", renamed][-1]["url"], page_of("article", renamed).url)
    assert_redirects(client, "/-Actualites-", "/actualites/")
    assert_redirects(client, "/spip.php?rubrique2", "/agenda/")
    assert_redirects(client, "/spip.php?page=rubrique&id_rubrique=11", "/actualites/?type=communique")
    assert_redirects(client, "/-Actualites-303-", page_of("rubrique", 303).url)
    assert_redirects(client, "/-Actualites-?debut_autres_articles=20", "/actualites/?page=2")
    assert_redirects(client, "/+-Palestine-+", "/pays/palestine/")
    assert_redirects(client, "/" + quote("+-Côte-d-Ivoire-+"), "/pays/cote-divoire/")
    mot = next(m for m, r in backup.mots.items() if r["titre"] == "Climat")
    assert_redirects(client, f"/spip.php?mot{mot}", "/thematiques/climat/")
    doc = next(d for d in with_files if d["extension"] == "pdf")
    assert_redirects(
        client,
        f"/IMG/{doc['fichier']}",
        get_document_model().objects.get(pk=target("document", doc["id_document"]).object_id).url,
    )
    refused = next(a for a, r in backup.articles.items() if r["statut"] == "refuse" and r["id_secteur"] == 1)
    assert_redirects(
        client, f"/spip.php?article{refused}", target("rubrique", backup.articles[refused]["id_rubrique"]).url
    )
    assert_redirects(client, "/spip.php?page=sommaire&id_rubrique=2", "/agenda/")  # no redirect row: the fallback
    assert_redirects(client, "/spip.php?article999999", "/")
    assert_redirects(client, "/-Rubrique-disparue-", "/")
    assert client.get("/une-page-qui-n-existe-pas/").status_code == 404

    # Links between articles point at the imported pages; the run purged once and queued renditions.
    assert Page.objects.filter(articlepage__isnull=False).count() > 0
    assert purges == [1]
    queued = {result.task.name for result in default_task_backend.results}
    assert queued >= {"generate_image_renditions", "generate_page_renditions"}

    # A second run creates nothing and changes nothing.
    counts = (Page.objects.count(), Redirect.objects.count(), get_image_model().objects.count())
    run_import()
    second = SpipImportRun.objects.order_by("-pk").first()
    assert (second.created, second.updated, second.failed) == (0, 0, 0)
    assert (Page.objects.count(), Redirect.objects.count(), get_image_model().objects.count()) == counts
