"""Create or update a published page, found by its parent and slug; publish only when something changed."""

from django.utils.text import slugify

from demo.streams import comparable


def make_slug(title, max_length=100):
    """French-friendly slug: an apostrophe separates words ("d’accessibilité" → "d-accessibilite")."""
    return slugify(title.replace("’", " ").replace("'", " "))[:max_length].strip("-")


class PageWriter:
    """Counts what it creates and updates, so the command can report it."""

    def __init__(self):
        self.created = 0
        self.updated = 0

    def upsert(self, parent, model, slug, fields, streams=None, m2m=None, gallery=None):
        """The `model` child of `parent` with this slug, with `fields` (plain or ForeignKey values),
        `streams` (StreamField name → raw list), `m2m` (name → objects) and, for resources,
        `gallery` (list of (image, caption)). Publishes a revision when created or changed."""
        streams, m2m = streams or {}, m2m or {}
        page = model.objects.child_of(parent).filter(slug=slug).first()
        created = page is None
        if created:
            page = model(slug=slug, **fields)
            for name, raw in streams.items():
                setattr(page, name, raw)
            parent.add_child(instance=page)
            changed = True
        else:
            changed = self._apply_fields(page, fields) | self._apply_streams(page, streams)
        for name, objects in m2m.items():
            wanted = {obj.pk for obj in objects}
            current = set() if created else {obj.pk for obj in getattr(page, name).all()}
            if wanted != current:
                getattr(page, name).set(objects)
                changed = True
        if gallery is not None:
            wanted = [(image.pk, caption) for image, caption in gallery]
            current = [] if created else [(item.image_id, item.caption) for item in page.gallery_images.all()]
            if wanted != current:
                item_model = page.gallery_images.model
                page.gallery_images = [
                    item_model(image=image, caption=caption, sort_order=index)
                    for index, (image, caption) in enumerate(gallery)
                ]
                changed = True
        if changed:
            page.save_revision().publish()
            if created:
                self.created += 1
            else:
                self.updated += 1
        return page

    @staticmethod
    def _apply_fields(page, fields):
        changed = False
        for name, value in fields.items():
            field = page._meta.get_field(name)
            if field.is_relation:
                current, wanted = getattr(page, field.attname), (value.pk if value is not None else None)
            else:
                current, wanted = getattr(page, name), value
            if current != wanted:
                setattr(page, name, value)
                changed = True
        return changed

    @staticmethod
    def _apply_streams(page, streams):
        changed = False
        for name, raw in streams.items():
            field = page._meta.get_field(name)
            if comparable(field, getattr(page, name)) != comparable(field, raw):
                setattr(page, name, raw)
                changed = True
        return changed
