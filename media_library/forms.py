"""Admin upload forms (WAGTAILIMAGES_IMAGE_FORM_BASE, WAGTAILDOCS_DOCUMENT_FORM_BASE, WAGTAILMEDIA MEDIA_FORM_BASE).

Every file an editor uploads goes through media_library.uploads before anything is stored; a refused file
leaves the form with a French error and the stored item (when editing) untouched.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from PIL import Image as PILImage
from wagtail.documents import get_document_model
from wagtail.documents.forms import BaseDocumentForm
from wagtail.images import get_image_model
from wagtail.images.fields import WagtailImageField
from wagtail.images.forms import BaseImageForm
from wagtailmedia.forms import BaseMediaForm
from wagtailmedia.models import get_media_model

from media_library import uploads
from media_library.formatting import file_size_fr

POSTER_EXTENSIONS = {"jpg", "jpeg", "png", "webp"}


def image_field_messages():
    """French messages for Wagtail's image field (some of its own French translations are missing)."""
    formats = ", ".join(ext.upper() for ext in settings.WAGTAILIMAGES_EXTENSIONS)
    limit = file_size_fr(settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE)
    return {
        "invalid_image": "Ce fichier n’est pas une image valide, ou il est endommagé.",
        "invalid_image_extension": f"Ce format d’image n’est pas accepté. Formats acceptés : {formats}.",
        "invalid_image_known_format": (
            "Le contenu de ce fichier ne correspond pas à son extension .%(extension)s "
            "(contenu détecté : %(image_format)s)."
        ),
        "file_too_large": "Ce fichier est trop volumineux (%(file_size)s). Taille maximale : %(max_filesize)s.",
        "file_too_large_unknown_size": f"Ce fichier est trop volumineux. Taille maximale : {limit}.",
        "file_too_many_pixels": (
            "Cette image a trop de pixels (%(num_pixels)s). Maximum : %(max_pixels_count)s pixels ; "
            "réduisez ses dimensions avant de l’importer."
        ),
        "empty": "Le fichier est vide.",
        "required": "Choisissez un fichier à importer.",
    }


def check_image_decodes(f):
    """Decode the whole image: a truncated or corrupted file passes a header check but not this."""
    f.seek(0)
    try:
        with PILImage.open(f) as img:
            img.load()
    except PILImage.DecompressionBombError:
        raise ValidationError("Cette image a trop de pixels.", code="file_too_many_pixels") from None
    except Exception:  # noqa: BLE001 - any decoder error means the file is unusable
        raise ValidationError(
            "Cette image est incomplète ou endommagée : enregistrez-la à nouveau puis réessayez.", code="corrupted"
        ) from None
    finally:
        f.seek(0)


class CufImageField(WagtailImageField):
    """Wagtail's image field, with French messages and no server error on a damaged header.

    Pillow raises OSError/SyntaxError on some truncated headers while Wagtail counts pixels; that is
    a bad file, not a server error.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.error_messages.update(image_field_messages())

    def check_image_file_size(self, f):
        if self.max_upload_size is not None:
            uploads.check_size(f, self.max_upload_size)

    def to_python(self, data):
        try:
            return super().to_python(data)
        except ValidationError:
            raise
        except PILImage.DecompressionBombError:
            raise ValidationError(
                self.error_messages["file_too_many_pixels"]
                % {"num_pixels": "trop", "max_pixels_count": settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS},
                code="file_too_many_pixels",
            ) from None
        except Exception:  # noqa: BLE001 - any decoder error means the file is unusable
            raise ValidationError(
                "Cette image est incomplète ou endommagée : enregistrez-la à nouveau puis réessayez.",
                code="corrupted",
            ) from None


class CufImageForm(BaseImageForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "file" in self.fields:
            field = self.fields["file"]
            self.fields["file"] = CufImageField(
                label=field.label, required=field.required, widget=field.widget, help_text=field.help_text
            )

    def clean_file(self):
        f = self.cleaned_data.get("file")
        if not f or "file" not in self.changed_data:
            return f
        f.name = uploads.safe_filename(f.name, default_stem="image")
        check_image_decodes(f)
        uploads.check_not_duplicate(f, get_image_model().objects.exclude(pk=self.instance.pk), "l’image")
        return f


class CufDocumentForm(BaseDocumentForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "file" in self.fields:
            self.fields["file"].error_messages.update(
                {
                    "empty": "Le fichier est vide.",
                    "required": "Choisissez un fichier à importer.",
                    "file_too_large": "Ce fichier est trop volumineux (%(file_size)s). "
                    "Taille maximale : %(max_filesize)s.",
                }
            )

    def clean_file(self):
        f = self.cleaned_data.get("file")
        if not f or "file" not in self.changed_data:
            return f
        f.name = uploads.safe_filename(f.name, default_stem="document")
        uploads.check_size(f, settings.WAGTAILDOCS_MAX_UPLOAD_SIZE)
        uploads.check_content_matches_extension(f, set(settings.WAGTAILDOCS_EXTENSIONS))
        uploads.check_not_duplicate(f, get_document_model().objects.exclude(pk=self.instance.pk), "le document")
        return f


class CufMediaForm(BaseMediaForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "file" in self.fields:
            self.fields["file"].error_messages.update(
                {"empty": "Le fichier est vide.", "required": "Choisissez un fichier à importer."}
            )

    def allowed_extensions(self):
        media = settings.WAGTAILMEDIA
        if self.instance.type == "audio":
            return set(media["AUDIO_EXTENSIONS"])
        if self.instance.type == "video":
            return set(media["VIDEO_EXTENSIONS"])
        return set(media["AUDIO_EXTENSIONS"]) | set(media["VIDEO_EXTENSIONS"])

    def clean_file(self):
        f = self.cleaned_data.get("file")
        if not f or "file" not in self.changed_data:
            return f
        f.name = uploads.safe_filename(f.name, default_stem="media")
        uploads.check_size(f, settings.CUF_MEDIA_MAX_UPLOAD_SIZE)
        uploads.check_content_matches_extension(f, self.allowed_extensions())
        self.instance.file_hash = uploads.check_not_duplicate(
            f, get_media_model().objects.exclude(pk=self.instance.pk), "le média"
        )
        return f

    def clean_thumbnail(self):
        f = self.cleaned_data.get("thumbnail")
        if not f or "thumbnail" not in self.changed_data:
            return f
        f.name = uploads.safe_filename(f.name, default_stem="affiche")
        if uploads.extension_of(f.name) not in POSTER_EXTENSIONS:
            raise ValidationError("L’image d’affiche doit être un fichier JPEG, PNG ou WebP.", code="invalid_extension")
        uploads.check_size(f, settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE)
        check_image_decodes(f)
        return f

    def clean_captions(self):
        f = self.cleaned_data.get("captions")
        if not f or "captions" not in self.changed_data:
            return f
        f.name = uploads.safe_filename(f.name, default_stem="sous-titres")
        uploads.check_webvtt(f)
        return f
