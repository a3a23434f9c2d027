from wagtail import blocks
from wagtail.documents import get_document_model
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images import get_image_model
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
        description = "Une image du contenu, avec sa légende et son crédit."

    def get_preview_value(self):
        """The latest image of the library (the block shows nothing without an image)."""
        image = get_image_model().objects.order_by("-created_at", "-pk").first()
        return self.normalize({"image": image, "caption": "Rencontre des élus partenaires", "credit": ""})


class VideoEmbedBlock(blocks.StructBlock):
    url = EmbedBlock(label="Adresse de la vidéo ou du son", help_text="YouTube, Vimeo, SoundCloud…")
    title = blocks.CharBlock(label="Titre", required=False, max_length=200)

    class Meta:
        icon = "media"
        label = "Vidéo ou son intégré"
        template = "blocks/embed.html"
        description = "Une vidéo ou un son hébergé ailleurs, lu seulement quand le visiteur le demande."
        preview_value = {
            "url": "https://www.youtube.com/watch?v=aqz-KE-bpKQ",
            "title": "Assises de la coopération décentralisée",
        }


class DocumentLinkBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label="Document")
    label = blocks.CharBlock(label="Libellé du lien", required=False, max_length=200)

    class Meta:
        icon = "doc-full"
        label = "Document à télécharger"
        template = "blocks/document_link.html"
        description = "Un lien de téléchargement avec le type et le poids du fichier."

    def get_preview_value(self):
        document = get_document_model().objects.order_by("-created_at", "-pk").first()
        return self.normalize({"document": document, "label": "Rapport d’activité"})
