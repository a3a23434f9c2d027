"""Generate the benchmark dataset in PostgreSQL: python -m bench.generate [--articles 10000 …].

Starts from `load_demo_content` (home, indexes, images, documents, accounts), then adds pages in bulk:
Page rows are built with their treebeard path/depth and url_path, inserted with bulk_create, the
page-type rows inserted in batches with the same primary keys, and the parents' numchild fixed. The
pages are live and published (live=True, has_unpublished_changes=False) without revisions: visitors
and the admin explorer do not need one, and the first edit in the admin creates it.
"""

import argparse
import datetime
import random
import sys
import time

from bench.env import bench_env, create_database, setup_django

CARD_AND_DETAIL_SPECS = ("format-{avif,webp,jpeg}", "fill-{400x225,800x450,1200x675}")


class Timer:
    def __init__(self):
        self.started = time.monotonic()
        self.steps = []

    def step(self, label, since):
        seconds = time.monotonic() - since
        self.steps.append((label, seconds))
        print(f"  {label}: {seconds:.1f} s", flush=True)
        return time.monotonic()


def parse_args(argv):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--events", type=int, default=2_000)
    parser.add_argument("--resources", type=int, default=1_000)
    parser.add_argument("--countries", type=int, default=60)
    parser.add_argument("--themes", type=int, default=20)
    parser.add_argument("--extra-images", type=int, default=12)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--skip-index", action="store_true", help="do not build the search index")
    return parser.parse_args(argv)


def ensure_terms(count_countries, count_themes):
    from django.utils.text import slugify

    from bench.dataset_text import EXTRA_COUNTRIES, EXTRA_THEMES
    from taxonomy.models import Country, Theme

    for name, region in EXTRA_COUNTRIES:
        if Country.objects.count() >= count_countries:
            break
        Country.objects.get_or_create(slug=slugify(name), defaults={"name": name, "region": region})
    for name in EXTRA_THEMES:
        if Theme.objects.count() >= count_themes:
            break
        Theme.objects.get_or_create(slug=slugify(name), defaults={"name": name})
    return list(Country.objects.all()), list(Theme.objects.all())


def ensure_images(extra):
    """The demo images plus `extra` generated ones, each with the card and detail renditions."""
    from django.core.files.base import ContentFile
    from django.core.files.images import ImageFile
    from wagtail.images import get_image_model
    from wagtail.images.models import Filter
    from wagtail.models import Collection

    from demo.files import jpeg_bytes

    Image = get_image_model()
    collection = Collection.get_first_root_node()
    for number in range(extra):
        title = f"Illustration du banc d’essai {number + 1}"
        if Image.objects.filter(title=title).exists():
            continue
        rng = random.Random(number)
        start = tuple(rng.randrange(256) for _ in range(3))
        end = tuple(rng.randrange(256) for _ in range(3))
        image = Image(title=title, description=f"Illustration abstraite numéro {number + 1}", credit="Banc d’essai")
        image.collection = collection
        image.file = ImageFile(ContentFile(jpeg_bytes(title, start, end, seed=number)), name=f"bench-{number}.jpg")
        image._set_image_file_metadata()
        image.save()
    images = list(Image.objects.order_by("pk"))
    specs = Filter.expand_spec(CARD_AND_DETAIL_SPECS)
    for image in images:
        image.get_renditions(*specs)
    return images


def bulk_pages(parent, model, rows, owner, m2m=None):
    """Insert live `model` pages under `parent`; rows are dicts of the model's fields (title and slug included).

    `m2m` maps a ParentalManyToManyField name to one list of related objects per row.
    Returns the created pages' primary keys, in order.
    """
    from django.contrib.contenttypes.models import ContentType
    from django.db.models import F
    from django.utils import timezone
    from wagtail.models import Page

    parent = Page.objects.get(pk=parent.pk)
    last = parent.get_last_child()
    position = Page._str2int(last.path[-Page.steplen :]) if last else 0
    depth = parent.depth + 1
    content_type = ContentType.objects.get_for_model(model)
    now = timezone.now()
    objects = []
    for index, row in enumerate(rows, start=position + 1):
        published = row.pop("published_at", now)
        page = model(
            path=Page._get_path(parent.path, depth, index),
            depth=depth,
            numchild=0,
            draft_title=row["title"],
            url_path=f"{parent.url_path}{row['slug']}/",
            content_type=content_type,
            locale_id=parent.locale_id,
            live=True,
            has_unpublished_changes=False,
            first_published_at=published,
            last_published_at=published,
            latest_revision_created_at=published,
            owner=owner,
            **row,
        )
        objects.append(page)
    page_fields = [f for f in Page._meta.concrete_fields if not f.primary_key]
    bases = [Page(**{f.attname: getattr(obj, f.attname) for f in page_fields}) for obj in objects]
    Page.objects.bulk_create(bases, batch_size=1000)
    for obj, base in zip(objects, bases, strict=True):
        obj.pk = obj.page_ptr_id = obj.id = base.pk
    # bulk_create refuses multi-table inheritance: insert the page-type rows with the parent's keys.
    model.objects.all()._batched_insert(objects, model._meta.local_concrete_fields, batch_size=1000)
    Page.objects.filter(pk=parent.pk).update(numchild=F("numchild") + len(objects))
    for name, per_row in (m2m or {}).items():
        field = model._meta.get_field(name)
        through = field.remote_field.through
        source = field.m2m_field_name()
        target = field.m2m_reverse_field_name()
        links = [
            through(**{f"{source}_id": obj.pk, f"{target}_id": related.pk})
            for obj, related_list in zip(objects, per_row, strict=True)
            for related in related_list
        ]
        through.objects.bulk_create(links, batch_size=5000)
    return [obj.pk for obj in objects]


def pick_terms(rng, countries, themes):
    return rng.sample(countries, rng.choice((0, 1, 1, 2))), rng.sample(themes, rng.choice((1, 1, 2)))


def article_rows(count, rng, images, countries, themes, first=1):
    from django.utils import timezone
    from django.utils.text import slugify

    from articles.choices import ArticleKind
    from bench import dataset_text as text

    kinds = [ArticleKind.ACTUALITE] * 6 + [k for k in ArticleKind.values if k != ArticleKind.ACTUALITE]
    today = timezone.localdate()
    rows, tagged = [], {"countries": [], "themes": []}
    for number in range(first - 1, first - 1 + count):
        title = text.title(rng, number + 1)
        date = today - datetime.timedelta(days=int((number - first + 1) * 3650 / count))
        rows.append(
            {
                "title": title,
                "slug": f"{slugify(title)[:60]}-{number + 1}",
                "date": date,
                "kind": rng.choice(kinds),
                "place": rng.choice(text.PLACES),
                "intro": text.intro(rng),
                "body": text.body(rng, images),
                "cover": rng.choice(images) if rng.random() < 0.6 else None,
                "published_at": timezone.make_aware(datetime.datetime.combine(date, datetime.time(9))),
            }
        )
        country_list, theme_list = pick_terms(rng, countries, themes)
        tagged["countries"].append(country_list)
        tagged["themes"].append(theme_list)
    return rows, tagged


def event_rows(count, rng, images, countries, themes, first=1):
    from django.utils import timezone
    from django.utils.text import slugify

    from bench import dataset_text as text
    from events.choices import EventFormat, EventStatus

    now = timezone.now()
    rows, tagged = [], {"countries": [], "themes": []}
    for number in range(first - 1, first - 1 + count):
        title = "Rencontre : " + text.title(rng, number + 1)
        # About 15 % upcoming (the next year), the rest over the past five years.
        offset = rng.uniform(1, 365) if rng.random() < 0.15 else -rng.uniform(1, 5 * 365)
        start = (now + datetime.timedelta(days=offset)).replace(minute=0, second=0, microsecond=0)
        rows.append(
            {
                "title": title,
                "slug": f"{slugify(title)[:60]}-{number + 1}",
                "start": start,
                "end": start + datetime.timedelta(hours=rng.choice((2, 3, 8, 26))),
                "format": rng.choice(EventFormat.values),
                "venue": "Maison de la coopération",
                "city": rng.choice(("Paris", "Lyon", "Marseille", "Lille", "Toulouse", "")),
                "status": rng.choices(EventStatus.values, weights=(90, 6, 4))[0],
                "intro": text.intro(rng),
                "body": text.body(rng, images),
                "cover": rng.choice(images) if rng.random() < 0.5 else None,
                "published_at": min(now, start) - datetime.timedelta(days=30),
            }
        )
        country_list, theme_list = pick_terms(rng, countries, themes)
        tagged["countries"].append(country_list)
        tagged["themes"].append(theme_list)
    return rows, tagged


def resource_rows(count, rng, images, countries, themes, first=1):
    from django.utils import timezone
    from django.utils.text import slugify
    from wagtail.documents import get_document_model
    from wagtailmedia import get_media_model

    from bench import dataset_text as text
    from resources.choices import ResourceKind

    documents = list(get_document_model().objects.all()) or [None]
    media = list(get_media_model().objects.all()) or [None]
    today = timezone.localdate()
    rows, tagged, galleries = [], {"countries": [], "themes": []}, []
    kinds = ResourceKind.values
    for number in range(first - 1, first - 1 + count):
        kind = kinds[number % len(kinds)]
        title = f"{ResourceKind(kind).label} : " + text.title(rng, number + 1)
        row = {
            "title": title,
            "slug": f"{slugify(title)[:60]}-{number + 1}",
            "kind": kind,
            "date": today - datetime.timedelta(days=int((number - first + 1) * 3650 / count)),
            "intro": text.intro(rng),
            "body": [{"type": "paragraph", "value": text.paragraph(rng)}],
            "credits": "Cités Unies France",
            "cover": rng.choice(images) if rng.random() < 0.3 else None,
        }
        if kind == ResourceKind.TEXTE:
            row["document"] = rng.choice(documents)
        elif kind == ResourceKind.SON:
            row["media"] = rng.choice(media)
            row["duration"] = datetime.timedelta(seconds=rng.randrange(60, 3600))
        elif kind == ResourceKind.VIDEO:
            row["embed_url"] = "https://www.youtube.com/watch?v=dQw4w9WgXcQ"
            row["duration"] = datetime.timedelta(seconds=rng.randrange(60, 3600))
        rows.append(row)
        galleries.append(rng.sample(images, 3) if kind == ResourceKind.PHOTO else [])
        country_list, theme_list = pick_terms(rng, countries, themes)
        tagged["countries"].append(country_list)
        tagged["themes"].append(theme_list)
    return rows, tagged, galleries


def tree_is_consistent(index_models):
    """numchild and depth right under each index (treebeard's find_problems takes minutes on 13,000 pages)."""
    from wagtail.models import Page

    for model in index_models:
        index = Page.objects.get(pk=model.objects.get().pk)
        children = Page.objects.child_of(index)
        if index.numchild != children.count() or children.exclude(depth=index.depth + 1).exists():
            print(f"Tree inconsistent under {index.url_path}", file=sys.stderr)
            return False
    return True


def main(argv=None):
    args = parse_args(argv if argv is not None else sys.argv[1:])
    create_database(bench_env()["DATABASE_URL"])
    setup_django()
    from django.contrib.auth import get_user_model
    from django.core.management import call_command
    from django.db import connection, transaction

    from articles.models import ArticleIndexPage, ArticlePage
    from events.models import EventIndexPage, EventPage
    from resources.models import ResourceCentrePage, ResourceGalleryImage, ResourcePage

    timer = Timer()
    mark = time.monotonic()
    call_command("migrate", verbosity=0, interactive=False)
    mark = timer.step("migrate", mark)
    if ArticlePage.objects.count() >= args.articles:
        print(f"The dataset is already there ({ArticlePage.objects.count()} articles): nothing to do.")
        return 0
    call_command("load_demo_content", verbosity=0)
    mark = timer.step("load_demo_content", mark)

    rng = random.Random(args.seed)
    owner = get_user_model().objects.filter(is_superuser=True).order_by("pk").first()
    countries, themes = ensure_terms(args.countries, args.themes)
    images = ensure_images(args.extra_images)
    mark = timer.step(
        f"terms ({len(countries)} countries, {len(themes)} themes), {len(images)} images + renditions", mark
    )

    with transaction.atomic():
        want = args.articles - ArticlePage.objects.count()
        rows, tagged = article_rows(want, rng, images, countries, themes, first=ArticlePage.objects.count() + 1)
        bulk_pages(ArticleIndexPage.objects.get(), ArticlePage, rows, owner, m2m=tagged)
        mark = timer.step(f"{want} articles", mark)
        want = args.events - EventPage.objects.count()
        rows, tagged = event_rows(want, rng, images, countries, themes, first=EventPage.objects.count() + 1)
        bulk_pages(EventIndexPage.objects.get(), EventPage, rows, owner, m2m=tagged)
        mark = timer.step(f"{want} events", mark)
        want = args.resources - ResourcePage.objects.count()
        rows, tagged, galleries = resource_rows(
            want, rng, images, countries, themes, first=ResourcePage.objects.count() + 1
        )
        pks = bulk_pages(ResourceCentrePage.objects.get(), ResourcePage, rows, owner, m2m=tagged)
        ResourceGalleryImage.objects.bulk_create(
            ResourceGalleryImage(page_id=pk, image=image, caption=image.title, sort_order=order)
            for pk, gallery in zip(pks, galleries, strict=True)
            for order, image in enumerate(gallery)
        )
        mark = timer.step(f"{want} resources", mark)

    if not tree_is_consistent((ArticleIndexPage, EventIndexPage, ResourceCentrePage)):
        return 1
    mark = timer.step("tree check (numchild and depth of the bulk-created pages)", mark)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")  # fresh planner statistics after a bulk load, or PostgreSQL sorts whole tables
    mark = timer.step("ANALYZE", mark)
    if not args.skip_index:
        call_command("update_index", verbosity=0)
        mark = timer.step("search index (update_index)", mark)
    total = time.monotonic() - timer.started
    print(f"Dataset ready in {total:.0f} s.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
