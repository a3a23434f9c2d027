"""The home page, the default Site pointing at it, the site settings and the top-level pages."""

from django.contrib.contenttypes.models import ContentType
from wagtail.models import Page, Site

from articles.models import ArticleIndexPage
from core.models import SiteSettings, StandardPage
from core.origin import site_address
from demo.data.pages import HOME_DESCRIPTION, INDEX_PAGES, SITE_SETTINGS, STANDARD_PAGES
from demo.streams import body_raw
from events.models import EventIndexPage
from home.models import HomePage
from resources.models import ResourceCentrePage

ARTICLE_KINDS_SHORT_LIST = ["communique", "appel", "publication", "lettre"]

HOME_SECTIONS = [
    {
        "type": "news_feed",
        "value": {"title": "Actualité", "count": 10, "kinds": ["actualite"], "country": None, "theme": None},
    },
    {"type": "agenda", "value": {"title": "Agenda", "count": 3, "country": None, "theme": None}},
    {
        "type": "news_list",
        "value": {"title": "Actualités", "count": 3, "kinds": ARTICLE_KINDS_SHORT_LIST, "country": None, "theme": None},
    },
    {"type": "calls", "value": {"title": "Appels en cours", "count": 3, "country": None, "theme": None}},
    {"type": "resource_tiles", "value": {"title": "Centre de ressources"}},
]


def ensure_home(writer):
    root = Page.get_first_root_node()
    home = writer.upsert(
        root,
        HomePage,
        "accueil",
        {"title": "Accueil", "search_description": HOME_DESCRIPTION},
        streams={"sections": HOME_SECTIONS},
    )
    site = Site.objects.filter(is_default_site=True).first() or Site(is_default_site=True)
    hostname, port = site_address()  # BASE_URL (core/origin.py), as migrate sets it
    wanted = (hostname, port, home.pk, "Cités Unies France")
    if site.pk is None or (site.hostname, site.port, site.root_page_id, site.site_name) != wanted:
        site.hostname, site.port, site.root_page, site.site_name = hostname, port, home, "Cités Unies France"
        site.save()
    _delete_welcome_page(home)
    return home, site


def _delete_welcome_page(home):
    """Wagtail's initial "Welcome to your new Wagtail site!" page, once no site uses it."""
    plain_page = ContentType.objects.get_for_model(Page)
    for page in Page.objects.filter(depth=2, slug="home", content_type=plain_page).exclude(pk=home.pk):
        if not Site.objects.filter(root_page=page).exists():
            page.delete()


def ensure_sections(writer, home, images, documents):
    """(articles index, events index, resource centre, standard pages) under the home page."""
    indexes = {}
    for key, model in (("articles", ArticleIndexPage), ("events", EventIndexPage), ("resources", ResourceCentrePage)):
        title, slug, intro = INDEX_PAGES[key]
        indexes[key] = writer.upsert(home, model, slug, {"title": title, "intro": intro})
    standard = [
        writer.upsert(
            home,
            StandardPage,
            spec["slug"],
            {"title": spec["title"], "intro": spec["intro"]},
            streams={"body": body_raw(spec["body"], images, documents)},
        )
        for spec in STANDARD_PAGES
    ]
    return indexes, standard


def ensure_settings(site, images):
    settings = SiteSettings.for_site(site)
    wanted = dict(SITE_SETTINGS, default_image=images["defaut"])
    changed = False
    for name, value in wanted.items():
        if getattr(settings, name) != value:
            setattr(settings, name, value)
            changed = True
    if changed:
        settings.save()
    return settings
