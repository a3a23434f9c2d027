"""Images, documents and audio files of the demo, generated in code and looked up by title on re-runs."""

from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.utils.text import slugify
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection
from wagtailmedia import get_media_model

from demo import files
from demo.data.documents import DOCUMENTS
from demo.data.images import CREDIT, IMAGES
from demo.data.resources import RESOURCES


def ensure_images():
    """key → CufImage for every illustration of data.images (created once, found by title afterwards)."""
    Image = get_image_model()
    existing = {image.title: image for image in Image.objects.filter(title__in=[v[0] for v in IMAGES.values()])}
    collection = Collection.get_first_root_node()
    result = {}
    for seed, (key, (title, description, start, end)) in enumerate(IMAGES.items()):
        image = existing.get(title)
        if image is None:
            content = files.jpeg_bytes(title, start, end, seed=seed)
            image = Image(title=title, description=description, credit=CREDIT, collection=collection)
            image.file = ImageFile(ContentFile(content), name=f"demo-{key}.jpg")
            image._set_image_file_metadata()
            image.save()
        elif (image.description, image.credit) != (description, CREDIT):
            image.description, image.credit = description, CREDIT
            image.save(update_fields=["description", "credit"])
        result[key] = image
    return result


def ensure_documents():
    """key → CufDocument (a generated one-page PDF) for every entry of data.documents."""
    Document = get_document_model()
    titles = [title for title, _ in DOCUMENTS.values()]
    existing = {doc.title: doc for doc in Document.objects.filter(title__in=titles)}
    collection = Collection.get_first_root_node()
    result = {}
    for key, (title, paragraphs) in DOCUMENTS.items():
        document = existing.get(title)
        if document is None:
            document = Document(title=title, collection=collection)
            document.file = ContentFile(files.pdf_bytes(title, paragraphs), name=f"{slugify(title)[:60]}.pdf")
            document._set_document_file_metadata()
            document.save()
        result[key] = document
    return result


def ensure_audio():
    """resource title → CufMedia (type audio, a short generated WAV) for every "son" resource."""
    Media = get_media_model()
    wanted = [resource for resource in RESOURCES if resource["kind"] == "son"]
    existing = {media.title: media for media in Media.objects.filter(title__in=[r["title"] for r in wanted])}
    collection = Collection.get_first_root_node()
    result = {}
    for resource in wanted:
        media = existing.get(resource["title"])
        if media is None:
            media = Media(
                title=resource["title"],
                type="audio",
                duration=float(resource["seconds"]),
                collection=collection,
                credit=CREDIT,
                transcript=resource["transcript"],
            )
            content = files.wav_bytes(resource["seconds"], base_hz=resource["hz"])
            media.file = ContentFile(content, name=f"{slugify(resource['title'])[:60]}.wav")
            media.save()
        result[resource["title"]] = media
    return result
