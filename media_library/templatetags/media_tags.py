"""Template tags for images, documents, audio, video and embeds on public pages."""

from django import template

from media_library.embeds import find_private_embed
from media_library.pictures import build_picture

register = template.Library()


@register.simple_tag
def responsive_picture(image, use="body", eager=False, alt=None, css_class="", sizes=None):
    """{% responsive_picture page.cover "cover" eager=True %}: a <picture> with the specs of that use.

    Uses: card, cover, body, gallery (media_library.renditions). Renders nothing without an image.
    """
    if not image:
        return ""
    return build_picture(image, use, alt=alt, eager=bool(eager), css_class=css_class, sizes=sizes)


@register.inclusion_tag("media_library/includes/embed_consent.html")
def privacy_embed(url, title=""):
    """{% privacy_embed page.embed_url page.title %}: a click-to-load player, or a plain link."""
    return {"embed": find_private_embed(url, title), "url": url, "title": title}
