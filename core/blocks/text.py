import html

from django.core.exceptions import ValidationError
from django.utils.html import strip_tags
from wagtail import blocks

RICH_TEXT_FEATURES = ["bold", "italic", "link", "document-link", "ol", "ul", "superscript", "subscript"]


class ParagraphBlock(blocks.RichTextBlock):
    def __init__(self, **kwargs):
        kwargs.setdefault("features", RICH_TEXT_FEATURES)
        super().__init__(**kwargs)

    def clean(self, value):
        # Draftail sends "<p></p>" for an emptied editor, which the required check lets through.
        # field.required is False while a draft is saved (Wagtail defers required checks then).
        value = super().clean(value)
        if self.field.required and not html.unescape(strip_tags(value.source)).strip():
            raise ValidationError("Ce paragraphe est vide : écrivez du texte ou supprimez le bloc.")
        return value

    class Meta:
        icon = "pilcrow"
        label = "Paragraphe"
        template = "blocks/paragraph.html"
        description = "Du texte : gras, italique, listes, liens vers une page, une adresse ou un document."
        preview_value = (
            "<p>La coopération décentralisée relie des collectivités françaises "
            "et leurs partenaires dans le monde entier.</p>"
        )


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label="Texte", max_length=200)
    level = blocks.ChoiceBlock(
        label="Niveau",
        choices=[("h2", "Titre de section (h2)"), ("h3", "Sous-titre (h3)"), ("h4", "Intertitre (h4)")],
        default="h2",
    )

    class Meta:
        icon = "title"
        label = "Titre"
        template = "blocks/heading.html"
        description = "Un intertitre qui structure la page (titre de section, sous-titre)."
        preview_value = {"text": "Nos partenaires", "level": "h2"}


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(label="Citation")
    author = blocks.CharBlock(label="Auteur", required=False)
    role = blocks.CharBlock(label="Fonction", required=False)

    class Meta:
        icon = "openquote"
        label = "Citation"
        template = "blocks/quote.html"
        description = "Une citation mise en valeur, avec son auteur."
        preview_value = {
            "quote": "La coopération entre territoires construit la paix au quotidien.",
            "author": "Une élue locale",
            "role": "Maire adjointe",
        }
