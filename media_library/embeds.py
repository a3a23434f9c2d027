"""Privacy-friendly embeds: Wagtail embeds find the player, visitors load it with a click.

The provider's HTML is not printed as is: the player address is taken from it, checked against the
providers we accept, switched to their no-tracking variant, and put in an inert <template> that
static/js/embed-consent.js turns into an iframe when the visitor clicks. Until then nothing is
requested from the provider.

A visitor's request only reads the Embed table: the provider's oEmbed API is called when an editor
saves the page (EmbedBlock's validation, ResourcePageForm.clean_embed_url), never while a visitor waits.
"""

import re
from dataclasses import dataclass
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from django.utils import timezone
from wagtail.embeds.embeds import get_embed_hash
from wagtail.embeds.models import Embed

PROVIDERS = {
    "www.youtube.com": "YouTube",
    "youtube.com": "YouTube",
    "www.youtube-nocookie.com": "YouTube",
    "player.vimeo.com": "Vimeo",
    "w.soundcloud.com": "SoundCloud",
}
AUDIO_PROVIDERS = {"SoundCloud"}
SRC_RE = re.compile(r"""<iframe[^>]*?\ssrc=["']([^"']+)["']""", re.IGNORECASE)


@dataclass
class PrivateEmbed:
    url: str  # the page on the provider's site, for the "open on…" link
    player_url: str  # the iframe address, loaded only after a click
    provider: str
    title: str
    width: int | None
    height: int | None

    @property
    def is_audio(self):
        return self.provider in AUDIO_PROVIDERS


def private_player_url(src):
    """The no-tracking player address for an accepted provider's iframe src, or None."""
    parts = urlsplit(src.replace("&amp;", "&"))
    if parts.scheme not in ("https", "") or parts.netloc not in PROVIDERS:
        return None, None
    provider = PROVIDERS[parts.netloc]
    query = dict(parse_qsl(parts.query))
    netloc = parts.netloc
    if provider == "YouTube":
        netloc = "www.youtube-nocookie.com"
        query.update(rel="0")
    elif provider == "Vimeo":
        query.update(dnt="1")
    return urlunsplit(("https", netloc, parts.path, urlencode(query), "")), provider


def find_private_embed(url, title=""):
    """A PrivateEmbed for `url`, or None when no accepted provider knows it (the page shows a plain link)."""
    if not url:
        return None
    embed = Embed.objects.exclude(cache_until__lte=timezone.now()).filter(hash=get_embed_hash(url)).first()
    if embed is None:
        return None
    match = SRC_RE.search(embed.html or "")
    if not match:
        return None
    player_url, provider = private_player_url(match.group(1))
    if not player_url:
        return None
    return PrivateEmbed(
        url=url,
        player_url=player_url,
        provider=provider,
        title=title or embed.title or f"Contenu {provider}",
        width=embed.width,
        height=embed.height,
    )
