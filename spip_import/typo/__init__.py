"""SPIP typography → Wagtail rich text and StreamField blocks."""

from spip_import.typo.blocks import convert, convert_inline
from spip_import.typo.result import Conversion, Resolver

__all__ = ["Conversion", "Resolver", "convert", "convert_inline"]
