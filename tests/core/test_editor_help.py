"""What an editor reads while filling a page: French help on every field, sensible defaults, French errors,
and block previews in the block picker."""

import datetime

import pytest
from django.apps import apps
from django.contrib.auth.models import User
from django.utils import timezone
from wagtail.admin.panels import get_edit_handler
from wagtail.models import Page
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from core.blocks import BodyStreamBlock
from events.models import EventPage
from home.blocks import HomeSectionsBlock
from tests.factories import ImageFactory

pytestmark = pytest.mark.django_db

# Models whose forms editors and moderators fill in the admin (records filled by visitors are not).
EDITED_MODELS = [
    "articles.ArticlePage",
    "events.EventPage",
    "resources.ResourcePage",
    "resources.ResourceGalleryImage",
    "groups.CountryGroupPage",
    "groups.GroupMember",
    "groups.MembersAreaPage",
    "funds.FundPage",
    "funds.FundContribution",
    "funds.FundDecision",
    "funds.FundedProject",
    "calls.CallPage",
    "directory.Collectivite",
    "home.HomePage",
    "newsletter.NewsletterIssuePage",
    "core.StandardPage",
    "core.SiteSettings",
    "core.NavigationSettings",
    "taxonomy.Country",
    "taxonomy.Theme",
    "media_library.CufImage",
    "media_library.CufMedia",
]
# Wagtail's own fields (title, slug, SEO and scheduling tabs) carry Wagtail's French help.
WAGTAIL_FIELDS = {f.name for f in Page._meta.get_fields()} | {"file", "collection", "tags", "type", "thumbnail"}


def own_form_fields(model):
    fields = get_edit_handler(model).get_form_options().get("fields", []) if issubclass(model, Page) else None
    if fields is None:
        fields = [f.name for f in model._meta.get_fields() if getattr(f, "editable", False) and not f.auto_created]
    names = []
    for name in fields:
        try:
            field = model._meta.get_field(name)
        except Exception:  # noqa: BLE001, S112 - form-only fields (comments…)
            continue
        if name in WAGTAIL_FIELDS or not getattr(field, "editable", True) or field.many_to_one and field.auto_created:
            continue
        names.append(field)
    return names


@pytest.mark.parametrize("label", EDITED_MODELS)
def test_every_field_an_editor_fills_has_french_help(label):
    model = apps.get_model(label)
    without_help = [
        field.name
        for field in own_form_fields(model)
        if not field.help_text
        and field.name not in ("page", "sort_order", "site", "focal_point_x")
        and not field.name.startswith("focal_point")
        and field.name not in ("width", "height", "duration")
    ]
    assert without_help == [], f"{label}: {without_help}"


def test_a_new_article_is_an_actualite_dated_today(site_tree, admin_client):
    response = admin_client.get(f"/admin/pages/add/articles/articlepage/{site_tree['articles'].pk}/")
    form = response.context["form"]
    assert form["kind"].value() == "actualite"
    assert form["date"].value() == timezone.localdate()


def event_form(**overrides):
    start = timezone.localtime() + datetime.timedelta(days=10)
    data = {
        "title": "Assises",
        "slug": "assises",
        "start": start.strftime("%Y-%m-%d %H:%M"),
        "end": (start + datetime.timedelta(hours=3)).strftime("%Y-%m-%d %H:%M"),
        "format": "presentiel",
        "status": "prevu",
        "venue": "",
        "city": "Lyon",
        "online_url": "",
        "registration_url": "",
        "registration_deadline": "",
        "capacity": "",
        "intro": "Une rencontre.",
        "body": streamfield([("paragraph", rich_text("<p>Programme.</p>"))]),
        "go_live_at": "",
        "expire_at": "",
    }
    data.update(overrides)
    return nested_form_data(data)


def test_an_event_ending_before_it_starts_is_refused_in_french(site_tree, admin_client):
    url = f"/admin/pages/add/events/eventpage/{site_tree['agenda'].pk}/"
    start = timezone.localtime() + datetime.timedelta(days=10)
    before = (start - datetime.timedelta(hours=1)).strftime("%Y-%m-%d %H:%M")
    response = admin_client.post(url, event_form(end=before))
    assert response.status_code == 200
    assert "La fin de l’événement doit suivre son début." in response.content.decode()
    assert not EventPage.objects.filter(slug="assises").exists()

    late = (start + datetime.timedelta(days=2)).date().isoformat()
    response = admin_client.post(url, event_form(registration_deadline=late))
    assert "La date limite d’inscription doit précéder le début de l’événement." in response.content.decode()

    assert admin_client.post(url, event_form()).status_code == 302
    assert EventPage.objects.filter(slug="assises").exists()


@pytest.fixture
def staff(db):
    return User.objects.create_superuser("chef", "chef@example.org", "mot-de-passe-solide")


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("paragraph", "La coopération décentralisée relie"),
        ("heading", "Nos partenaires"),
        ("quote", "La coopération entre territoires"),
        ("call_to_action", "Rejoignez le réseau"),
        ("image", "Rencontre des élus partenaires"),
        ("embed", "Assises de la coopération décentralisée"),
        ("document", "Rapport d’activité"),
    ],
)
def test_body_blocks_have_a_preview_in_the_sites_styles(client, staff, name, text):
    ImageFactory(title="Mairie", description="La mairie pavoisée")
    block = BodyStreamBlock().child_blocks[name]
    assert block.is_previewable, name
    client.force_login(staff)
    response = client.get("/admin/block-preview/", {"id": block.definition_prefix})
    html = response.content.decode()
    assert response.status_code == 200
    assert text in html or name == "document", html[-1500:]
    assert "css/site.css" in html


def test_every_previewable_home_block_renders(client, site_tree, staff):
    client.force_login(staff)
    for name, block in HomeSectionsBlock().child_blocks.items():
        if block.is_previewable:
            response = client.get("/admin/block-preview/", {"id": block.definition_prefix})
            assert response.status_code == 200, name
