"""Each action of the permission matrix (tests/editorial/matrix.py), done through the real admin view.

An action takes the logged-in test client and a World (the content it acts on, built on demand) and
returns (outcome, effect): outcome as tests.editorial.conftest.outcome reads the answer, effect whether
what the action is for actually happened.
"""

import datetime
import json
from functools import cached_property

from django.contrib.auth.models import Group, User
from django.core.files.base import ContentFile
from django.utils import timezone
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, Page, Revision, Site, TaskState, WorkflowState
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield
from wagtailmedia.models import get_media_model

from core.models import NavigationSettings, SiteSettings
from editorial.models import PreviewLink
from taxonomy.models import Country, Theme
from tests.editorial.conftest import article_form, edit, outcome, workflow_action
from tests.editorial.matrix_files import FILE_ACTIONS, MP3, MP4, PDF
from tests.factories import ArticleIndexPageFactory, ArticlePageFactory, CountryFactory, ThemeFactory, image_file

DRAFT_TEXT = "Texte du brouillon en attente."
Image, Document, Media = get_image_model(), get_document_model(), get_media_model()


class World:
    """What the actions act on, built when first used: a test builds only what its action needs."""

    def __init__(self, site_tree, people):
        self.site_tree = site_tree
        self.people = people
        self.serial = 0

    def unique(self):
        """A number making each stored file's content unique (uploads of the same bytes are refused)."""
        self.serial += 1
        return self.serial

    @cached_property
    def live(self):
        live = ArticlePageFactory(parent=self.site_tree["articles"], title="Article publié", intro="Version publiée.")
        draft_version = live.get_latest_revision_as_object()
        draft_version.intro = DRAFT_TEXT
        draft_version.save_revision(user=self.people["redacteur"])
        return live

    @cached_property
    def submitted(self):
        page = ArticlePageFactory(parent=self.site_tree["articles"], title="Article soumis", live=False)
        page.save_revision(user=self.people["redacteur"])
        page.get_workflow().start(page, self.people["redacteur"])
        return page

    @cached_property
    def other_index(self):
        return ArticleIndexPageFactory(parent=self.site_tree["home"], title="Archives", slug="archives")

    @cached_property
    def collection(self):
        return Collection.get_first_root_node()

    def stored(self, kind, owner):
        """An image, document, audio or video file uploaded by `owner` ("redacteur" or "admin")."""
        n, user = self.unique(), self.people[owner]
        title = f"Fichier {kind} de {owner}"
        common = {"title": title, "collection": self.collection, "uploaded_by_user": user}
        if kind == "image":
            return Image.objects.create(
                **common, description="Une place de village", file=image_file(colour=(n * 20 % 255, 85, 140))
            )
        if kind == "document":
            return Document.objects.create(**common, file=ContentFile(PDF + b"%" * n, name=f"rapport-{n}.pdf"))
        content, extension = (MP3, "mp3") if kind == "audio" else (MP4, "mp4")
        return Media.objects.create(
            **common, type=kind, duration=60, file=ContentFile(content + b"\x00" * n, name=f"media-{n}.{extension}")
        )


def reload(page):
    return Page.objects.filter(pk=page.pk).first()


# Pages ------------------------------------------------------------------------------------------------


def create_article(client, world):
    index = world.site_tree["articles"]
    form = article_form(
        ArticlePageFactory.build(title="Nouvel article", slug="nouvel-article", date=datetime.date.today())
    )
    response = client.post(f"/admin/pages/add/articles/articlepage/{index.pk}/", form)
    return outcome(response), Page.objects.filter(slug="nouvel-article").exists()


def view_draft(client, world):
    response = client.get(f"/admin/pages/{world.live.pk}/view_draft/")
    return outcome(response), DRAFT_TEXT in response.content.decode()


def preview(client, world):
    url = f"/admin/pages/{world.live.pk}/edit/preview/"
    client.post(url, article_form(world.live))
    response = client.get(url)
    return outcome(response), DRAFT_TEXT in response.content.decode()


def edit_form(client, world):
    response = client.get(f"/admin/pages/{world.live.pk}/edit/")
    return outcome(response), DRAFT_TEXT in response.content.decode()


def submit(client, world):
    response = edit(client, world.live, "action-submit")
    return outcome(response), reload(world.live).workflow_in_progress


def approve(client, world):
    response = workflow_action(client, world.submitted, "approve", comment="")
    return outcome(response), reload(world.submitted).live


def reject(client, world):
    response = workflow_action(client, world.submitted, "reject", comment="Le chapô est à revoir.")
    state = WorkflowState.objects.get(object_id=str(world.submitted.pk))
    comments = TaskState.objects.filter(workflow_state=state).values_list("comment", flat=True)
    rejected = state.status == WorkflowState.STATUS_NEEDS_CHANGES and "Le chapô est à revoir." in comments
    return outcome(response), rejected


def publish(client, world):
    response = edit(client, world.live, "action-publish", intro="Publié directement.")
    return outcome(response), reload(world.live).specific.intro == "Publié directement."


def unpublish(client, world):
    response = client.post(f"/admin/pages/{world.live.pk}/unpublish/")
    return outcome(response), not reload(world.live).live


def schedule(client, world):
    go_live = timezone.localtime(timezone.now() + datetime.timedelta(days=2)).strftime("%Y-%m-%d %H:%M")
    response = edit(client, world.live, "action-publish", go_live_at=go_live)
    scheduled = Revision.page_revisions.filter(object_id=str(world.live.pk), approved_go_live_at__isnull=False)
    return outcome(response), scheduled.exists()


def delete_page(client, world):
    response = client.post(f"/admin/pages/{world.live.pk}/delete/")
    return outcome(response), reload(world.live) is None


def move(client, world):
    response = client.post(f"/admin/pages/{world.live.pk}/move/{world.other_index.pk}/confirm/")
    return outcome(response), reload(world.live).get_parent().pk == world.other_index.pk


def copy(client, world):
    live = world.live
    data = {"new_title": "Copie", "new_slug": "copie", "new_parent_page": str(live.get_parent().pk)}
    response = client.post(f"/admin/pages/{live.pk}/copy/", {**data, "publish_copies": "on"})
    return outcome(response), Page.objects.filter(slug="copie", live=True).exists()


def compare(client, world):
    latest = world.live.get_latest_revision()
    response = client.get(f"/admin/pages/{world.live.pk}/revisions/compare/live...{latest.pk}/")
    return outcome(response), response.status_code == 200 and "Version publiée." in response.content.decode()


def history(client, world):
    response = client.get(f"/admin/pages/{world.live.pk}/history/")
    return outcome(response), response.status_code == 200 and "Article publié" in response.content.decode()


def shareable_preview(client, world):
    response = client.post(f"/admin/liens-apercu/{world.live.pk}/", {"days": "7"})
    return outcome(response), PreviewLink.objects.filter(page=world.live).exists()


# Snippets, settings, users ----------------------------------------------------------------------------


def choose_country(client, world):
    country = CountryFactory(name="Arménie")
    listing = client.get("/admin/snippets/choose/taxonomy/country/")
    chosen = client.get(f"/admin/snippets/choose/taxonomy/country/chosen/{country.pk}/")
    offered = listing.status_code == 200 and "Arménie" in json.loads(listing.content or "{}").get("html", "")
    return outcome(chosen), offered and chosen.status_code == 200


def term_fields(name):
    return {"name": name, "slug": name.lower(), "region": "asie", "description": "", "default_image": ""}


def add_term(model, url_name):
    def action(client, world):
        response = client.post(f"/admin/snippets/taxonomy/{url_name}/add/", term_fields("Ouzbekistan"))
        return outcome(response), model.objects.filter(name="Ouzbekistan").exists()

    return action


def edit_term(model, factory, url_name):
    def action(client, world):
        term = factory(name="Birmanie")
        response = client.post(f"/admin/snippets/taxonomy/{url_name}/edit/{term.pk}/", term_fields("Myanmar"))
        return outcome(response), model.objects.get(pk=term.pk).name == "Myanmar"

    return action


def edit_site_settings(client, world):
    site = Site.objects.get(is_default_site=True)
    form = {
        "tagline": "Un nouveau slogan",
        "default_image": "",
        "footer_text": rich_text("<p>Pied de page</p>"),
        "contact_email": "contact@example.org",
        "facebook_url": "",
        "linkedin_url": "",
        "youtube_url": "",
        "bluesky_url": "",
    }
    response = client.post(f"/admin/settings/core/sitesettings/{site.pk}/", form)
    return outcome(response), SiteSettings.for_site(site).tagline == "Un nouveau slogan"


def edit_menus(client, world):
    site = Site.objects.get(is_default_site=True)
    form = nested_form_data(
        {
            "main_menu": streamfield([("link", {"page": "", "url": "/pays/", "label": "Pays"})]),
            "footer_links": streamfield([]),
            "accessibility_status": "partiellement conforme",
            "accessibility_page": "",
        }
    )
    response = client.post(f"/admin/settings/core/navigationsettings/{site.pk}/", form)
    return outcome(response), len(NavigationSettings.for_site(site).main_menu) == 1


def list_users(client, world):
    response = client.get("/admin/users/")
    return outcome(response), response.status_code == 200 and "moderateur" in response.content.decode()


def create_user(client, world):
    form = {
        "username": "nouvelle",
        "email": "nouvelle@example.org",
        "first_name": "Nouvelle",
        "last_name": "Personne",
        "password1": "un-mot-de-passe-solide-42",
        "password2": "un-mot-de-passe-solide-42",
        "is_active": "on",
        "groups": [Group.objects.get(name="Rédacteurs").pk],
    }
    response = client.post("/admin/users/new/", form)
    return outcome(response), User.objects.filter(username="nouvelle").exists()


def edit_group(client, world):
    """The group editor (page, collection and model permissions): who sees it may change any permission."""
    group = Group.objects.get(name="Rédacteurs")
    response = client.get(f"/admin/groups/edit/{group.pk}/")
    return outcome(response), response.status_code == 200 and 'name="name"' in response.content.decode()


ACTIONS = {
    "page: create an article (draft)": create_article,
    "page: view draft": view_draft,
    "page: preview in the editor": preview,
    "page: open the editor": edit_form,
    "page: submit for moderation": submit,
    "page: approve": approve,
    "page: reject with a comment": reject,
    "page: publish": publish,
    "page: unpublish": unpublish,
    "page: schedule (publish with a go-live date)": schedule,
    "page: delete": delete_page,
    "page: move": move,
    "page: copy and publish the copy": copy,
    "page: compare revisions": compare,
    "page: history": history,
    "page: create a shareable preview link": shareable_preview,
    "country: choose in the chooser": choose_country,
    "country: add": add_term(Country, "country"),
    "country: edit": edit_term(Country, CountryFactory, "country"),
    "theme: add": add_term(Theme, "theme"),
    "theme: edit": edit_term(Theme, ThemeFactory, "theme"),
    "site settings: edit": edit_site_settings,
    "menus and footer: edit": edit_menus,
    "users: list": list_users,
    "users: create an account": create_user,
    "groups: open a group's permissions": edit_group,
}
ACTIONS.update(FILE_ACTIONS)
