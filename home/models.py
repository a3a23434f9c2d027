from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page

from core.cards import prefetch_card_pictures
from core.seo import DEFAULT_SITE_DESCRIPTION
from home.blocks import HomeSectionsBlock


class HomePage(Page):
    sections = StreamField(
        HomeSectionsBlock(),
        verbose_name="sections",
        blank=True,
        help_text="Les blocs de la page d’accueil, dans l’ordre : actualités, agenda, appels, ressources, "
        "mise en avant, texte libre.",
    )

    content_panels = Page.content_panels + [FieldPanel("sections")]
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "articles.ArticleIndexPage",
        "events.EventIndexPage",
        "resources.ResourceCentrePage",
        "groups.CountryGroupIndexPage",
        "directory.DirectoryIndexPage",
        "funds.FundIndexPage",
        "calls.CallIndexPage",
        "newsletter.NewsletterIndexPage",
        "core.StandardPage",
    ]
    max_count = 1

    class Meta:
        verbose_name = "page d’accueil"

    def seo_description(self, request=None):
        """The meta description: the "description pour les moteurs de recherche" of the Promotion tab, else the
        site's standard sentence (core.seo.DEFAULT_SITE_DESCRIPTION): the home page has no intro."""
        return self.search_description or DEFAULT_SITE_DESCRIPTION

    def prefetch_section_pictures(self, request):
        """The renditions of the pictures of every section's cards, and of the site's default image (also
        the page's share image), in one query; called by the first section that renders (sections
        reused until a purge, home_page.html, do not render and read nothing)."""
        if getattr(self, "_section_pictures_read", False):
            return
        self._section_pictures_read = True
        sections = [child for child in self.sections if getattr(child.block, "shows_pictures", False)]
        prefetch_card_pictures(request, *(child.value.cards for child in sections))
