from django.db import models
from django.db.models import Prefetch
from django.utils.functional import cached_property
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField, StreamField
from wagtail.images import get_image_model_string
from wagtail.models import Page, Site
from wagtail.search import index

from core.blocks import BodyStreamBlock
from core.navigation import AccessibilityStatus, NavigationLinksBlock, resolve_links
from pagecache.fragments import reused_until_purge
from taxonomy.models import Theme


class ReadOncePerPurge:
    """A site setting whose row (with its select_related) is read once per purge for each site, not
    on every request: saving a setting purges (pagecache/purge.py). The admin edits the row it reads
    with for_site(), untouched."""

    @classmethod
    def for_request(cls, request):
        attr_name = cls.get_cache_attr_name()
        if hasattr(request, attr_name):
            return getattr(request, attr_name)
        site = Site.find_for_request(request)
        if site is None:
            return super().for_request(request)  # Wagtail's DoesNotExist for a request no site answers
        found = reused_until_purge(f"setting:{cls._meta.label_lower}", (site.pk,), lambda: cls.for_site(site))
        found._request = request
        setattr(request, attr_name, found)
        return found


@register_setting(icon="cog")
class SiteSettings(ReadOncePerPurge, BaseSiteSetting):
    tagline = models.CharField(
        "slogan",
        max_length=255,
        default="Le portail de la coopération décentralisée",
        help_text="Affiché sous le nom du site, en haut de chaque page.",
    )
    default_image = models.ForeignKey(
        get_image_model_string(),
        verbose_name="image par défaut",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Affichée sur les cartes sans image ni image de thématique.",
    )
    footer_text = RichTextField(
        "texte du pied de page",
        blank=True,
        features=["bold", "italic", "link"],
        help_text="Adresse et présentation courte, en bas de chaque page.",
    )
    contact_email = models.EmailField(
        "courriel de contact",
        blank=True,
        help_text="Adresse affichée dans le pied de page ; elle reçoit aussi les promesses de dons.",
    )
    facebook_url = models.URLField(
        "Facebook", blank=True, help_text="Adresse complète de la page, https://… Vide : le lien n’est pas affiché."
    )
    linkedin_url = models.URLField(
        "LinkedIn", blank=True, help_text="Adresse complète de la page, https://… Vide : le lien n’est pas affiché."
    )
    youtube_url = models.URLField(
        "YouTube", blank=True, help_text="Adresse complète de la chaîne, https://… Vide : le lien n’est pas affiché."
    )
    bluesky_url = models.URLField(
        "Bluesky", blank=True, help_text="Adresse complète du compte, https://… Vide : le lien n’est pas affiché."
    )

    panels = [
        FieldPanel("tagline"),
        FieldPanel("default_image"),
        FieldPanel("footer_text"),
        FieldPanel("contact_email"),
        MultiFieldPanel(
            [
                FieldPanel("facebook_url"),
                FieldPanel("linkedin_url"),
                FieldPanel("youtube_url"),
                FieldPanel("bluesky_url"),
            ],
            heading="Réseaux sociaux",
        ),
    ]

    # The default image comes with the settings (one query): cards and the share image fall back to it.
    select_related = ["default_image"]

    class Meta:
        verbose_name = "paramètres du site"

    @property
    def social_links(self):
        links = [
            ("Facebook", self.facebook_url),
            ("LinkedIn", self.linkedin_url),
            ("YouTube", self.youtube_url),
            ("Bluesky", self.bluesky_url),
        ]
        return [(name, url) for name, url in links if url]


@register_setting(icon="list-ul")
class NavigationSettings(BaseSiteSetting):
    """The main menu, the footer links and the RGAA mention: edited by moderators (core/navigation.py)."""

    main_menu = StreamField(
        NavigationLinksBlock(),
        verbose_name="menu principal",
        blank=True,
        help_text="Les liens de l’en-tête, dans l’ordre (faites-les glisser). Tant qu’il est vide, le menu par "
        "défaut s’affiche : Actualités, Agenda, Centre de ressources…",
    )
    footer_links = StreamField(
        NavigationLinksBlock(),
        verbose_name="liens du pied de page",
        blank=True,
        help_text="Par exemple « Qui sommes-nous ? », « Mentions légales », « Plan du site ».",
    )
    accessibility_status = models.CharField(
        "état de conformité (RGAA)",
        max_length=30,
        choices=AccessibilityStatus.choices,
        default=AccessibilityStatus.NON_CONFORME,
        help_text="Affiché sur toutes les pages : « Accessibilité : partiellement conforme ». Reprenez l’état "
        "indiqué dans la déclaration d’accessibilité.",
    )
    accessibility_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name="déclaration d’accessibilité",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="La page de la déclaration : la mention du pied de page y mène.",
    )

    panels = [
        FieldPanel("main_menu"),
        FieldPanel("footer_links"),
        MultiFieldPanel(
            [FieldPanel("accessibility_status"), FieldPanel("accessibility_page")], heading="Accessibilité"
        ),
    ]
    select_related = ["accessibility_page"]

    class Meta:
        verbose_name = "menus et pied de page"
        verbose_name_plural = "menus et pied de page"

    def links(self, request):
        """{"main": [...], "footer": [...]} of core.navigation.MenuLink (the {% navigation %} tag keeps
        them until the next purge)."""
        return resolve_links(self, request)

    def accessibility_url(self, request):
        page = self.accessibility_page
        return page.get_url(request) if page is not None and page.live else ""


class TaggedPage(Page):
    """Base of every classified content page (article, event, resource).

    Holds what a card shows: cover, intro, countries and themes, and the
    fallback chain cover → first theme's default image → site default image.
    """

    countries = ParentalManyToManyField(
        "taxonomy.Country",
        blank=True,
        related_name="%(app_label)s_%(class)s_pages",
        verbose_name="pays",
        help_text="Les pays concernés : la page apparaît sur leur page pays (/pays/…) et dans les filtres.",
    )
    themes = ParentalManyToManyField(
        "taxonomy.Theme",
        blank=True,
        related_name="%(app_label)s_%(class)s_pages",
        verbose_name="thématiques",
        help_text="Une à trois thématiques : la page apparaît sur leur page thématique et dans les filtres.",
    )
    cover = models.ForeignKey(
        get_image_model_string(),
        verbose_name="image de couverture",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Image des cartes et du haut de la page, avec son texte alternatif. "
        "Vide : l’image de la première thématique, sinon celle du site.",
    )
    intro = models.TextField("chapô", blank=True, help_text="Texte court affiché sur les cartes et en tête de page.")
    body = StreamField(
        BodyStreamBlock(),
        verbose_name="contenu",
        blank=True,
        help_text="Le texte de la page : paragraphes, intertitres, images, citations, vidéos, documents à télécharger.",
    )

    search_fields = Page.search_fields + [
        index.SearchField("intro"),
        index.SearchField("body"),
    ]

    taxonomy_panels = [FieldPanel("countries"), FieldPanel("themes")]

    class Meta:
        abstract = True

    @cached_property
    def sorted_countries(self):
        return sorted(self.countries.all(), key=lambda term: term.name)

    @cached_property
    def sorted_themes(self):
        return sorted(self.themes.all(), key=lambda term: term.name)

    @cached_property
    def term_names(self):
        """Names of the page's countries then themes, each sorted (prefetch_term_names fills it for a list)."""
        return tuple(term.name for term in self.sorted_countries + self.sorted_themes)

    @property
    def category_labels(self):
        """Labels of the card's category line, e.g. Actualité / Palestine / Crises et réhabilitation."""
        labels = [self.kind_label] if getattr(self, "kind_label", "") else []
        labels += [term.name for term in self.sorted_countries]
        labels += [term.name for term in self.sorted_themes]
        return labels

    @property
    def kind_label(self):
        return self.get_kind_display() if hasattr(self, "get_kind_display") else ""

    def card_image(self):
        """The cover, else the first theme's default image; None means the site default."""
        if self.cover_id:
            return self.cover
        for theme in self.sorted_themes:
            if theme.default_image_id:
                return theme.default_image
        return None

    @classmethod
    def card_prefetches(cls):
        """Related data a card renders, fetched in a fixed number of queries whatever the number of cards.

        The cover is joined (TaggedPageQuerySet.for_cards), and so is each theme's default image here;
        core.cards.prefetch_card_pictures then reads the renditions of all the pictures at once.
        """
        return ["countries", Prefetch("themes", queryset=Theme.objects.select_related("default_image"))]


class SectionIndexPage(Page):
    """The one index of a section of the site (news, agenda, resource centre), right under the home."""

    intro = models.TextField("chapô", blank=True, help_text="Une ou deux phrases affichées en tête de la liste.")

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    max_count = 1
    schema_type = "CollectionPage"  # its JSON-LD (core.seo.web_page): a listing

    class Meta:
        abstract = True


class StandardPage(Page):
    intro = models.TextField(
        "chapô",
        blank=True,
        help_text="Une ou deux phrases affichées en tête de la page et dans les résultats de recherche.",
    )
    body = StreamField(
        BodyStreamBlock(),
        verbose_name="contenu",
        blank=True,
        help_text="Le texte de la page : paragraphes, intertitres, images, citations, vidéos, documents à télécharger.",
    )

    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("body")]
    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    parent_page_types = ["home.HomePage", "core.StandardPage"]
    subpage_types = ["core.StandardPage"]

    class Meta:
        verbose_name = "page libre"
        verbose_name_plural = "pages libres"
