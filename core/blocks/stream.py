"""A StreamBlock that turns an unreadable posted body into a French message next to the field.

Wagtail reads a StreamField from the admin form's keys (`body-count`, `body-0-type`, `body-0-value`,
`body-0-order`, `body-0-deleted`, …) with `int()` and `data[key]`, and each rich-text child parses
its JSON: a value that is not a number, a missing key or malformed JSON (a hand-made or truncated
POST) raised ValueError or KeyError, a 500 for the editor. The body is then read as empty and
marked unreadable; clean() refuses it, so nothing is saved and the other fields keep what was typed.
"""

from django.core.exceptions import ValidationError
from wagtail import blocks
from wagtail.blocks.stream_block import StreamBlockValidationError, StreamValue

UNREADABLE_MESSAGE = (
    "Le contenu envoyé n’a pas pu être lu (formulaire incomplet ou modifié) : rien n’a été enregistré. "
    "Rechargez la page puis saisissez à nouveau ce contenu."
)


class ReadableStreamBlock(blocks.StreamBlock):
    def value_from_datadict(self, data, files, prefix):
        try:
            return super().value_from_datadict(data, files, prefix)
        except (KeyError, ValueError, TypeError, OverflowError):  # MultiValueDictKeyError, JSONDecodeError too
            value = StreamValue(self, [])
            value.unreadable = True
            return value

    def clean(self, value):
        if getattr(value, "unreadable", False):
            raise StreamBlockValidationError(non_block_errors=[ValidationError(UNREADABLE_MESSAGE)])
        return super().clean(value)
