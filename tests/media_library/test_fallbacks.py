"""The card's picture: cover → first theme's default image → site default image (decorative) → static image."""

import re

import pytest
from wagtail.models import Site

from core.models import SiteSettings
from tests.factories import ArticlePageFactory, ImageFactory, ThemeFactory

pytestmark = pytest.mark.django_db


def card_imgs(html):
    return re.findall(r'<img [^>]*class="card__img"[^>]*>', html)


def test_fallback_chain_cover_theme_site_default(client, site_tree):
    index = site_tree["articles"]
    ArticlePageFactory(parent=index, title="Avec couverture", cover=ImageFactory(description="Une couverture"))
    theme = ThemeFactory(name="Eau", default_image=ImageFactory(description="Une rivière"))
    ArticlePageFactory(parent=index, title="Avec thématique", themes=[theme])
    ArticlePageFactory(parent=index, title="Sans image")

    imgs = " ".join(card_imgs(client.get(index.url).content.decode()))
    assert 'alt="Une couverture"' in imgs and 'alt="Une rivière"' in imgs
    assert "img/default-card" in imgs  # no site default image yet: the static one, decorative
    assert 'alt=""' in imgs

    site_settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    site_settings.default_image = ImageFactory(description="Logo de CUF", title="Image par défaut")
    site_settings.save()
    imgs = card_imgs(client.get(index.url).content.decode())
    default = [img for img in imgs if "Image" in img or 'alt=""' in img]
    assert "img/default-card" not in " ".join(imgs)
    assert any('alt=""' in img and "/media/images/" in img for img in default)
    assert "Logo de CUF" not in " ".join(imgs)  # decorative: the card's title says what it is about
