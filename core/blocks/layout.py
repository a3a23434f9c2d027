from django.core.exceptions import ValidationError
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError


class CallToActionBlock(blocks.StructBlock):
    title = blocks.CharBlock(label="Titre", max_length=120)
    text = blocks.TextBlock(label="Texte", required=False)
    button_label = blocks.CharBlock(label="Libellé du bouton", max_length=60)
    page = blocks.PageChooserBlock(label="Page du site", required=False)
    url = blocks.URLBlock(label="ou adresse externe", required=False)

    class Meta:
        icon = "pick"
        label = "Appel à l’action"
        template = "blocks/call_to_action.html"
        description = "Un encadré avec un bouton vers une page du site ou une adresse."
        preview_value = {
            "title": "Rejoignez le réseau",
            "text": "Les collectivités adhérentes partagent leurs expériences de coopération.",
            "button_label": "Adhérer",
            "url": "https://example.org/adherer",
        }

    def clean(self, value):
        value = super().clean(value)
        if bool(value.get("page")) == bool(value.get("url")):
            raise StructBlockValidationError(
                block_errors={"url": ValidationError("Choisissez soit une page du site, soit une adresse externe.")}
            )
        return value

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        context["href"] = value["page"].url if value.get("page") else value.get("url")
        return context
