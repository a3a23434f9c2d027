from django.conf import settings
from django.db import models
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.images import get_image_model_string
from wagtail.models import Orderable, Page, PageManager
from wagtail.search import index

from core.models import TaggedPage
from core.pagination import paginate
from core.querysets import TaggedPageQuerySet


class ResourceKind(models.TextChoices):
    TEXTE = "texte", "Texte"
    PHOTO = "photo", "Photo"
    SON = "son", "Son"
    VIDEO = "video", "Vidéo"


class ResourcePageQuerySet(TaggedPageQuerySet):
    card_select_related = ("cover", "document", "media")

    def recent(self):
        return self.visible().order_by("-date", "-pk")

    def of_kind(self, kind):
        return self.filter(kind=kind) if kind else self


class ResourceCentrePage(Page):
    intro = models.TextField("chapô", blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["media_library.ResourcePage"]
    max_count = 1

    class Meta:
        verbose_name = "centre de ressources"

    def get_context(self, request, *args, **kwargs):
        from .filters import ResourceFilterSet

        context = super().get_context(request, *args, **kwargs)
        filterset = ResourceFilterSet(request.GET, queryset=ResourcePage.objects.child_of(self).recent())
        context["filter"] = filterset
        context["kinds"] = ResourceKind.choices
        # is_filtered validates the form, so cleaned_data exists; an unknown type is left out of it.
        context["current_kind"] = filterset.form.cleaned_data.get("type", "") if filterset.is_filtered else ""
        context["resources"] = paginate(request, filterset.qs.for_cards(), settings.RESOURCES_PER_PAGE)
        return context


class ResourcePage(TaggedPage):
    kind = models.CharField("type", max_length=10, choices=ResourceKind.choices, default=ResourceKind.TEXTE)
    date = models.DateField("date")
    document = models.ForeignKey(
        "media_library.CufDocument",
        verbose_name="document",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    media = models.ForeignKey(
        "media_library.CufMedia",
        verbose_name="fichier audio ou vidéo",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    embed_url = models.URLField("adresse d’une vidéo ou d’un son en ligne", blank=True)
    credits = models.CharField("crédits", max_length=255, blank=True)
    duration = models.DurationField("durée", null=True, blank=True, help_text="Format hh:mm:ss")
    transcript = models.TextField("transcription", blank=True)

    objects = PageManager.from_queryset(ResourcePageQuerySet)()

    search_fields = TaggedPage.search_fields + [index.SearchField("transcript"), index.FilterField("kind")]
    content_panels = Page.content_panels + [
        MultiFieldPanel([FieldPanel("kind"), FieldPanel("date"), FieldPanel("credits")], heading="Ressource"),
        FieldPanel("intro"),
        FieldPanel("cover"),
        MultiFieldPanel(
            [FieldPanel("document"), FieldPanel("media"), FieldPanel("embed_url"), FieldPanel("duration")],
            heading="Fichier",
        ),
        InlinePanel("gallery_images", label="Photos de la galerie"),
        FieldPanel("body"),
        FieldPanel("transcript"),
        *TaggedPage.taxonomy_panels,
    ]
    parent_page_types = ["media_library.ResourceCentrePage"]
    subpage_types = []

    class Meta:
        verbose_name = "ressource"

    @classmethod
    def card_prefetches(cls):
        return [*super().card_prefetches(), "gallery_images__image"]

    def card_image(self):
        if not self.cover_id and self.kind == ResourceKind.PHOTO:
            first = next(iter(self.gallery_images.all()), None)
            if first is not None:
                return first.image
        return super().card_image()


class ResourceGalleryImage(Orderable):
    page = ParentalKey(ResourcePage, related_name="gallery_images", on_delete=models.CASCADE)
    image = models.ForeignKey(
        get_image_model_string(), verbose_name="image", on_delete=models.CASCADE, related_name="+"
    )
    caption = models.CharField("légende", max_length=255, blank=True)

    panels = [FieldPanel("image"), FieldPanel("caption")]
