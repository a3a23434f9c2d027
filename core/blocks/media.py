from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock


class CaptionedImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label="Image")
    caption = blocks.CharBlock(label="Légende", required=False, max_length=300)
    credit = blocks.CharBlock(
        label="Crédit", required=False, max_length=200, help_text="Laisser vide pour reprendre le crédit de l’image."
    )

    class Meta:
        icon = "image"
        label = "Image"
        template = "blocks/captioned_image.html"


class VideoEmbedBlock(blocks.StructBlock):
    url = EmbedBlock(label="Adresse de la vidéo ou du son", help_text="YouTube, Vimeo, SoundCloud…")
    title = blocks.CharBlock(label="Titre", required=False, max_length=200)

    class Meta:
        icon = "media"
        label = "Vidéo ou son intégré"
        template = "blocks/embed.html"


class DocumentLinkBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label="Document")
    label = blocks.CharBlock(label="Libellé du lien", required=False, max_length=200)

    class Meta:
        icon = "doc-full"
        label = "Document à télécharger"
        template = "blocks/document_link.html"
