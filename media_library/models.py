from django.db import models
from wagtail.documents.models import AbstractDocument, Document
from wagtail.images.models import AbstractImage, AbstractRendition, Image
from wagtailmedia.models import AbstractMedia


class CufImage(AbstractImage):
    description = models.CharField(
        "texte alternatif",
        max_length=255,
        help_text="Décrit l’image pour les personnes qui ne la voient pas (obligatoire).",
    )
    credit = models.CharField(
        "crédit",
        max_length=255,
        blank=True,
        help_text="Auteur ou source de l’image, affiché sous l’image après « © ».",
    )

    admin_form_fields = Image.admin_form_fields + ("credit",)

    class Meta(AbstractImage.Meta):
        verbose_name = "image"
        verbose_name_plural = "images"
        permissions = [("choose_image", "Can choose image")]


class CufRendition(AbstractRendition):
    image = models.ForeignKey(CufImage, related_name="renditions", on_delete=models.CASCADE)

    class Meta:
        unique_together = (("image", "filter_spec", "focal_point_key"),)


class CufDocument(AbstractDocument):
    admin_form_fields = Document.admin_form_fields

    class Meta(AbstractDocument.Meta):
        verbose_name = "document"
        verbose_name_plural = "documents"
        permissions = [("choose_document", "Can choose document")]


class CufMedia(AbstractMedia):
    credit = models.CharField(
        "crédit", max_length=255, blank=True, help_text="Auteur ou production, affiché sous le lecteur."
    )
    transcript = models.TextField(
        "transcription", blank=True, help_text="Le texte de ce qui est dit, pour qui ne peut pas l’écouter."
    )
    captions = models.FileField(
        "sous-titres (WebVTT)", upload_to="media_captions", blank=True, help_text="Fichier .vtt"
    )
    # SHA-1 of the file, set by the upload form, to refuse the same file uploaded twice.
    file_hash = models.CharField(max_length=40, blank=True, editable=False, db_index=True)

    admin_form_fields = AbstractMedia.admin_form_fields + ("credit", "transcript", "captions")

    class Meta(AbstractMedia.Meta):
        verbose_name = "média audio ou vidéo"
        verbose_name_plural = "médias audio et vidéo"
