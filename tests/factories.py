"""Factories that build content the way an editor would: pages under their parent, published."""

import datetime
import io
from decimal import Decimal

import factory
from django.core.files.images import ImageFile
from django.utils import timezone
from django.utils.text import slugify
from PIL import Image as PILImage
from wagtail.images import get_image_model
from wagtail.models import Page, Site

from articles.choices import ArticleKind
from articles.models import ArticleIndexPage, ArticlePage
from calls.choices import CallKind
from calls.models import CallIndexPage, CallPage
from core.models import StandardPage
from directory.choices import CollectiviteKind, FrenchRegion
from directory.models import Collectivite, DirectoryIndexPage
from events.models import EventIndexPage, EventPage
from funds.models import FundIndexPage, FundPage
from groups.models import CountryGroupIndexPage, CountryGroupPage, GroupMember, MembersAreaPage
from home.models import HomePage
from newsletter.choices import SubscriberStatus
from newsletter.models import NewsletterIndexPage, NewsletterIssuePage, Subscriber
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


class NewsletterIndexPageFactory(PageFactory):
    class Meta:
        model = NewsletterIndexPage

    title = "La lettre de la coopération décentralisée"
    slug = "lettre"


class NewsletterIssuePageFactory(PageFactory):
    class Meta:
        model = NewsletterIssuePage

    title = factory.Sequence(lambda n: f"Lettre {n}")
    number = factory.Sequence(lambda n: n + 1)
    date = datetime.date(2025, 11, 3)
    editorial = "<p>Le mot de la rédaction.</p>"
    content = factory.LazyFunction(
        lambda: [
            {"type": "news", "value": {"title": "Actualités", "count": 3, "country": None, "theme": None}},
            {"type": "events", "value": {"title": "Agenda", "count": 3, "country": None, "theme": None}},
        ]
    )


class SubscriberFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Subscriber
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"abonne{n}@collectivite.fr")
    name = factory.Sequence(lambda n: f"Abonné {n}")
    status = SubscriberStatus.CONFIRMED
    consent_at = factory.LazyFunction(timezone.now)
    confirmed_at = factory.LazyFunction(timezone.now)

    @factory.post_generation
    def countries(self, create, extracted, **kwargs):
        if create and extracted:
            self.countries.set(extracted)

    @factory.post_generation
    def themes(self, create, extracted, **kwargs):
        if create and extracted:
            self.themes.set(extracted)


# Directory of local governments and groupes-pays (issue 18).


class CollectiviteFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Collectivite
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Commune {n:04d}")
    slug = factory.LazyAttribute(lambda o: slugify(o.name))
    kind = CollectiviteKind.COMMUNE
    region = FrenchRegion.BRETAGNE
    is_member = True


class DirectoryIndexPageFactory(PageFactory):
    class Meta:
        model = DirectoryIndexPage

    title = "Collectivités"
    slug = "collectivites"


class CountryGroupIndexPageFactory(PageFactory):
    class Meta:
        model = CountryGroupIndexPage

    title = "Groupes-pays"
    slug = "groupes-pays"


class CountryGroupPageFactory(PageFactory):
    """A group page; `members` is a list of Collectivite (or (Collectivite, role))."""

    class Meta:
        model = CountryGroupPage

    title = factory.LazyAttribute(lambda o: f"Groupe-pays {o.country.name}")
    slug = factory.LazyAttribute(lambda o: o.country.slug)
    country = factory.SubFactory(CountryFactory)
    intro = "Les collectivités engagées dans ce pays."
    contact_name = "Pôle groupes-pays"
    contact_email = "groupes@example.org"

    @classmethod
    def _create(cls, model_class, parent=None, live=True, members=(), **kwargs):
        page = model_class(**kwargs)
        page.members = [
            GroupMember(collectivite=item[0], role=item[1], sort_order=n)
            if isinstance(item, tuple)
            else GroupMember(collectivite=item, sort_order=n)
            for n, item in enumerate(members)
        ]
        parent.add_child(instance=page)
        revision = page.save_revision()
        if live:
            revision.publish()
        page.refresh_from_db()
        return page


class MembersAreaPageFactory(PageFactory):
    class Meta:
        model = MembersAreaPage

    title = "Espace adhérents"
    slug = "espace-adherents"
    intro = "Comptes rendus réservés."


# --- Solidarity funds and calls (funds/, calls/); local governments come from directory/.


class FundIndexPageFactory(PageFactory):
    class Meta:
        model = FundIndexPage

    title = "Fonds de solidarité"
    slug = "fonds-de-solidarite"


class FundPageFactory(PageFactory):
    class Meta:
        model = FundPage

    title = factory.Sequence(lambda n: f"Fonds de solidarité {n}")
    intro = "Un fonds ouvert après une crise, alimenté par les collectivités."
    opening_date = datetime.date(2025, 1, 15)
    target_amount = Decimal("300000")
    amount_collected = Decimal("265700")
    collected_on = datetime.date(2025, 6, 30)


class CallIndexPageFactory(PageFactory):
    class Meta:
        model = CallIndexPage

    title = "Appels"
    slug = "appels"


class CallPageFactory(PageFactory):
    class Meta:
        model = CallPage

    title = factory.Sequence(lambda n: f"Appel à projets {n}")
    kind = CallKind.PROJETS
    funder = "Ministère de l’Europe et des Affaires étrangères"
    audience = "Collectivités territoriales françaises"
    deadline = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=30))
    intro = "Un appel ouvert aux collectivités."


def build_funds_and_calls(home):
    return {"funds": FundIndexPageFactory(parent=home), "calls": CallIndexPageFactory(parent=home)}
