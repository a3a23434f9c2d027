"""Renditions: prefetched in listings, generated on upload and publish, never by a warm visitor request."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.images import get_image_model

from media_library.renditions import CARD_SPECS, COVER_SPECS
from tests.factories import ArticlePageFactory, ImageFactory, ThemeFactory, image_file
from tests.media_library.conftest import jpeg_bytes, upload

pytestmark = pytest.mark.django_db

Rendition = get_image_model().get_rendition_model()

SECTIONS = [
    {"type": "news_feed", "value": {"title": "Actualité", "count": 24, "kinds": ["actualite"]}},
    {"type": "agenda", "value": {"title": "Agenda", "count": 3}},
    {"type": "resource_tiles", "value": {"title": "Centre de ressources"}},
]


@pytest.fixture
def home(site_tree):
    home = site_tree["home"]
    home.sections = SECTIONS
    home.save_revision().publish()
    return site_tree


def add_articles(index, count, start=0):
    theme = ThemeFactory(name="Climat", default_image=ImageFactory(title="Champ"))
    for n in range(start, start + count):
        cover = ImageFactory(title=f"Couverture {n}") if n % 2 else None
        ArticlePageFactory(parent=index, title=f"Article {n}", cover=cover, themes=[theme])


def homepage_queries(client):
    client.get("/")  # cold: may create renditions
    with CaptureQueriesContext(connection) as ctx:
        response = client.get("/")
    assert response.status_code == 200
    return len(ctx.captured_queries), response.content.decode()


def test_homepage_queries_do_not_grow_with_the_number_of_cards(client, home):
    add_articles(home["articles"], 10)
    ten, body = homepage_queries(client)
    assert body.count('class="card__img"') == 10

    add_articles(home["articles"], 10, start=10)
    twenty, body = homepage_queries(client)
    assert body.count('class="card__img"') == 20
    assert twenty == ten
    assert ten <= 30  # pinned: the homepage with its sections, whatever the number of cards


def test_warm_homepage_creates_no_rendition_and_reads_none_one_by_one(client, home, django_assert_max_num_queries):
    add_articles(home["articles"], 10)
    client.get("/")
    before = Rendition.objects.count()
    with CaptureQueriesContext(connection) as ctx:
        body = client.get("/").content.decode()
    assert Rendition.objects.count() == before
    rendition_queries = [q for q in ctx.captured_queries if "cufrendition" in q["sql"].lower()]
    assert len(rendition_queries) <= 3  # cover, theme images, site default: one query each, not one per card
    assert "<picture>" in body and 'type="image/avif"' in body and 'type="image/webp"' in body


def test_publishing_a_page_creates_its_renditions_before_any_visit(client, home, django_capture_on_commit_callbacks):
    cover = ImageFactory(title="Couverture")
    with django_capture_on_commit_callbacks(execute=True):
        page = ArticlePageFactory(parent=home["articles"], title="Publié", cover=cover)
    specs = set(Rendition.objects.filter(image=cover).values_list("filter_spec", flat=True))
    assert set(CARD_SPECS) | set(COVER_SPECS) <= specs

    before = Rendition.objects.count()
    assert client.get("/").status_code == 200
    assert client.get(page.url).status_code == 200
    assert Rendition.objects.count() == before


def test_uploading_an_image_creates_its_card_renditions(editor, root_collection, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = editor.post(
            "/admin/images/add/",
            {
                "title": "Nouvelle image",
                "description": "Une place",
                "collection": root_collection.pk,
                "file": upload("place.jpg", jpeg_bytes()),
            },
        )
    assert response.status_code == 302
    image = get_image_model().objects.get(title="Nouvelle image")
    specs = set(Rendition.objects.filter(image=image).values_list("filter_spec", flat=True))
    assert specs == set(CARD_SPECS)


def test_card_picture_has_modern_formats_sizes_and_lazy_loading(client, home):
    cover = ImageFactory(description="Une place", file=image_file(size=(1600, 900)))
    ArticlePageFactory(parent=home["articles"], title="Illustré", cover=cover)
    body = client.get("/").content.decode()
    picture = body[body.index("<picture>") : body.index("</picture>")]
    assert 'type="image/avif"' in picture and 'type="image/webp"' in picture
    assert 'loading="lazy"' in picture and 'width="' in picture and 'height="' in picture
    assert 'alt="Une place"' in picture
    assert "sizes=" in picture and " 400w" in picture


def test_detail_cover_is_eager_with_high_priority(client, home):
    cover = ImageFactory(description="Un pont")
    page = ArticlePageFactory(parent=home["articles"], title="Avec couverture", cover=cover)
    body = client.get(page.url).content.decode()
    picture = body[body.index("<picture>") : body.index("</picture>")]
    assert 'loading="eager"' in picture and 'fetchpriority="high"' in picture and 'alt="Un pont"' in picture
