"""Factories that build content the way an editor would: pages under their parent, published."""

import datetime
import io

import factory
from django.core.files.images import ImageFile
from django.utils import timezone
from django.utils.text import slugify
from PIL import Image as PILImage
from wagtail.images import get_image_model
from wagtail.models import Page, Site

from articles.choices import ArticleKind
from articles.models import ArticleIndexPage, ArticlePage
from core.models import StandardPage
from events.models import EventIndexPage, EventPage
from home.models import HomePage
from resources.choices import ResourceKind
from resources.models import ResourceCentrePage, ResourcePage
from taxonomy.models import Country, Theme


def image_file(name="photo.jpg", size=(64, 36), colour=(0, 85, 140)):
    buffer = io.BytesIO()
    PILImage.new("RGB", size, colour).save(buffer, format="JPEG")
    return ImageFile(buffer, name=name)


class ImageFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_image_model()

    title = factory.Sequence(lambda n: f"Image {n}")
    description = factory.LazyAttribute(lambda o: f"Description de {o.title}")
    credit = "Cités Unies France"
    file = factory.LazyFunction(image_file)


class CountryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Country
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Pays {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.name))
    region = Country.Region.AFRIQUE


class ThemeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Theme
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Thématique {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.name))


class PageFactory(factory.Factory):
    """Adds the page under `parent` and publishes a revision (unless live=False)."""

    class Meta:
        abstract = True

    title = factory.Sequence(lambda n: f"Page {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.title)[:80])

    @classmethod
    def _create(cls, model_class, parent=None, live=True, countries=(), themes=(), **kwargs):
        page = model_class(**kwargs)
        parent.add_child(instance=page)
        if countries:
            page.countries.set(countries)
        if themes:
            page.themes.set(themes)
        revision = page.save_revision()
        if live:
            revision.publish()
        else:
            page.live = False
            page.save(update_fields=["live"])
        page.refresh_from_db()
        return page


class HomePageFactory(PageFactory):
    class Meta:
        model = HomePage

    title = "Accueil"
    slug = "accueil"


class ArticleIndexPageFactory(PageFactory):
    class Meta:
        model = ArticleIndexPage

    title = "Actualités"
    slug = "actualites"


class EventIndexPageFactory(PageFactory):
    class Meta:
        model = EventIndexPage

    title = "Agenda"
    slug = "agenda"


class ResourceCentrePageFactory(PageFactory):
    class Meta:
        model = ResourceCentrePage

    title = "Centre de ressources"
    slug = "centre-de-ressources"


class StandardPageFactory(PageFactory):
    class Meta:
        model = StandardPage

    title = factory.Sequence(lambda n: f"Page libre {n}")
    intro = "Une page de présentation."


class ArticlePageFactory(PageFactory):
    class Meta:
        model = ArticlePage

    title = factory.Sequence(lambda n: f"Article {n}")
    date = factory.Sequence(lambda n: datetime.date(2025, 1, 1) + datetime.timedelta(days=n))
    kind = ArticleKind.ACTUALITE
    intro = "Les collectivités françaises renforcent leurs partenariats."


class EventPageFactory(PageFactory):
    class Meta:
        model = EventPage

    title = factory.Sequence(lambda n: f"Événement {n}")
    start = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=7))
    end = factory.LazyAttribute(lambda o: o.start + datetime.timedelta(hours=2))
    intro = "Une rencontre du réseau."
    city = "Paris"


class ResourcePageFactory(PageFactory):
    class Meta:
        model = ResourcePage

    title = factory.Sequence(lambda n: f"Ressource {n}")
    date = datetime.date(2025, 3, 1)
    kind = ResourceKind.TEXTE
    intro = "Une ressource du réseau."


def build_site():
    """The tree load_demo_content builds, minimal: home as the default site's root and the three indexes."""
    root = Page.get_first_root_node()
    home = HomePageFactory(parent=root)
    site = Site.objects.get(is_default_site=True)
    old_root = site.root_page
    site.root_page = home
    site.save()
    if old_root.pk != home.pk and old_root.specific_class != HomePage:
        old_root.delete()
    return {
        "home": home,
        "articles": ArticleIndexPageFactory(parent=home),
        "agenda": EventIndexPageFactory(parent=home),
        "resources": ResourceCentrePageFactory(parent=home),
    }
