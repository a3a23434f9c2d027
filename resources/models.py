import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Prefetch, prefetch_related_objects
from modelcluster.fields import ParentalKey
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.embeds.embeds import get_embed
from wagtail.images import get_image_model_string
from wagtail.models import Orderable, Page, PageManager
from wagtail.search import index

from core.cards import with_renditions
from core.models import SectionIndexPage, TaggedPage
from core.pagination import paginate
from core.querysets import TaggedPageQuerySet
from core.seo import iso, page_structured_data
from media_library.renditions import GALLERY_SPECS, SHARE_SPEC

from .choices import ResourceKind
from .filters import ResourceFilterSet


class ResourcePageQuerySet(TaggedPageQuerySet):
    card_select_related = ("document", "media")

    def recent(self):
        return self.visible().order_by("-date", "-pk")

    def of_kind(self, kind):
        return self.filter(kind=kind) if kind else self


class ResourcePageForm(WagtailAdminPageForm):
    def clean_embed_url(self):
        """Ask the provider now (the editor is saving), so that visitors never wait for it."""
        url = self.cleaned_data.get("embed_url")
        if url:
            try:
                get_embed(url)
            except Exception:  # noqa: BLE001 - unknown provider, private video, network: the editor must know
                raise ValidationError(
                    "Cette adresse n’a pas pu être intégrée : vérifiez qu’il s’agit d’une vidéo ou d’un son "
                    "public sur YouTube, Vimeo ou SoundCloud."
                ) from None
        return url


class ResourceCentrePage(SectionIndexPage):
    subpage_types = ["resources.ResourcePage"]

    class Meta:
        verbose_name = "centre de ressources"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        filterset = ResourceFilterSet(request.GET, queryset=ResourcePage.objects.child_of(self).recent())
        context["filter"] = filterset
        context["kinds"] = ResourceKind.choices
        # is_filtered validates the form, so cleaned_data exists; an unknown type is left out of it.
        context["current_kind"] = filterset.form.cleaned_data.get("type", "") if filterset.is_filtered else ""
        context["resources"] = paginate(
            request, filterset.qs.for_cards(), settings.RESOURCES_PER_PAGE, same_until_publish=True
        )
        return context


class ResourcePage(TaggedPage):
    kind = models.CharField(
        "type",
        max_length=10,
        choices=ResourceKind.choices,
        default=ResourceKind.TEXTE,
        help_text="Texte, photo, son ou vidéo : la tuile du centre de ressources où elle apparaît.",
    )
    date = models.DateField(
        "date", help_text="Date de publication de la ressource (celle du document d’origine, par exemple)."
    )
    document = models.ForeignKey(
        "media_library.CufDocument",
        verbose_name="document",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Pour un texte : le document à télécharger (PDF de préférence, balisé).",
    )
    media = models.ForeignKey(
        "media_library.CufMedia",
        verbose_name="fichier audio ou vidéo",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Pour un son ou une vidéo hébergés sur le site : le fichier, avec ses sous-titres.",
    )
    embed_url = models.URLField(
        "adresse d’une vidéo ou d’un son en ligne",
        blank=True,
        help_text="Pour une vidéo ou un son en ligne : l’adresse YouTube, Vimeo ou SoundCloud.",
    )
    credits = models.CharField(
        "crédits",
        max_length=255,
        blank=True,
        help_text="Auteurs, photographes, production : affichés sous la ressource.",
    )
    duration = models.DurationField("durée", null=True, blank=True, help_text="Format hh:mm:ss")
    transcript = models.TextField(
        "transcription",
        blank=True,
        help_text="Le texte du son ou de la vidéo, pour qui ne peut pas l’écouter (obligatoire pour l’accessibilité).",
    )

    objects = PageManager.from_queryset(ResourcePageQuerySet)()
    base_form_class = ResourcePageForm

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
    parent_page_types = ["resources.ResourceCentrePage"]
    subpage_types = []

    class Meta:
        verbose_name = "ressource"

    def get_context(self, request, *args, **kwargs):
        """The gallery with its images and their renditions, read once for the photos and the share image
        (the first photo): two queries however many photos. A preview keeps its draft's photos."""
        context = super().get_context(request, *args, **kwargs)
        photos = ResourceGalleryImage.objects.select_related("image")
        prefetch_related_objects([self], Prefetch("gallery_images", queryset=photos))
        with_renditions([photo.image for photo in self.gallery_images.all()], (*GALLERY_SPECS, SHARE_SPEC))
        return context

    @classmethod
    def card_prefetches(cls):
        photos = ResourceGalleryImage.objects.select_related("image")
        return [*super().card_prefetches(), Prefetch("gallery_images", queryset=photos)]

    @property
    def play_duration(self):
        """The duration shown to visitors: the page's own, else the media file's (seconds → timedelta)."""
        if self.duration:
            return self.duration
        if self.media_id and self.media and self.media.duration:
            return datetime.timedelta(seconds=round(self.media.duration))
        return None

    @property
    def photo_count(self):
        return len(self.gallery_images.all())  # prefetched in listings (card_prefetches)

    def tile_facts(self):
        """What the resource centre's tile says besides the title, by kind (data only; the template words it)."""
        if self.kind in (ResourceKind.SON, ResourceKind.VIDEO):
            return {"duration": self.play_duration}
        if self.kind == ResourceKind.PHOTO:
            return {"photos": self.photo_count}
        if self.document_id and self.document:
            return {"format": self.document.file_extension.upper(), "size": self.document.file_size}
        return {}

    def structured_data(self, request):
        """schema.org CreativeWork (a guide, a photo report, a podcast, a video), its kind as genre."""
        fields = {"genre": self.get_kind_display(), "datePublished": iso(self.date)}
        if self.credits:
            fields["creditText"] = self.credits
        return page_structured_data(self, request, "CreativeWork", **fields)

    def card_image(self):
        if not self.cover_id and self.kind == ResourceKind.PHOTO:
            first = next(iter(self.gallery_images.all()), None)
            if first is not None:
                return first.image
        return super().card_image()


class ResourceGalleryImage(Orderable):
    page = ParentalKey(ResourcePage, related_name="gallery_images", on_delete=models.CASCADE)
    image = models.ForeignKey(
        get_image_model_string(),
        verbose_name="image",
        on_delete=models.CASCADE,
        related_name="+",
        help_text="Une photo de la galerie, avec son texte alternatif.",
    )
    caption = models.CharField("légende", max_length=255, blank=True, help_text="Affichée sous la photo.")

    panels = [FieldPanel("image"), FieldPanel("caption")]
