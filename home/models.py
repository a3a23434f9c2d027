from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page

from home.blocks import HomeSectionsBlock


class HomePage(Page):
    sections = StreamField(HomeSectionsBlock(), verbose_name="sections", blank=True)

    content_panels = Page.content_panels + [FieldPanel("sections")]
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "articles.ArticleIndexPage",
        "events.EventIndexPage",
        "media_library.ResourceCentrePage",
        "core.StandardPage",
    ]
    max_count = 1

    class Meta:
        verbose_name = "page d’accueil"
