from core.blocks.layout import CallToActionBlock
from core.blocks.media import CaptionedImageBlock, DocumentLinkBlock, VideoEmbedBlock
from core.blocks.stream import ReadableStreamBlock
from core.blocks.text import HeadingBlock, ParagraphBlock, QuoteBlock


class BodyStreamBlock(ReadableStreamBlock):
    paragraph = ParagraphBlock()
    heading = HeadingBlock()
    image = CaptionedImageBlock()
    quote = QuoteBlock()
    embed = VideoEmbedBlock()
    document = DocumentLinkBlock()
    call_to_action = CallToActionBlock()


__all__ = [
    "BodyStreamBlock",
    "CallToActionBlock",
    "CaptionedImageBlock",
    "DocumentLinkBlock",
    "HeadingBlock",
    "ParagraphBlock",
    "QuoteBlock",
    "ReadableStreamBlock",
    "VideoEmbedBlock",
]
