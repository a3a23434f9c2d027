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

    def get_context(self, request, *args, **kwargs):
        """Reads the cards of every section with pictures before the page renders: the renditions of all
        their pictures, and of the site's default image (also the page's share image), in one query."""
        context = super().get_context(request, *args, **kwargs)
        sections = [child for child in self.sections if getattr(child.block, "shows_pictures", False)]
        prefetch_card_pictures(request, *(child.value.cards for child in sections))
        return context
