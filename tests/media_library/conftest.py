import io
import os

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image as PILImage
from wagtail.models import Collection


def jpeg_bytes(size=(64, 36), colour=(0, 85, 140)):
    buffer = io.BytesIO()
    PILImage.new("RGB", size, colour).save(buffer, format="JPEG")
    return buffer.getvalue()


def png_bytes(size=(64, 36), colour=(200, 30, 30), noise=False):
    buffer = io.BytesIO()
    if noise:
        image = PILImage.frombytes("RGB", size, os.urandom(size[0] * size[1] * 3))
    else:
        image = PILImage.new("RGB", size, colour)
    image.save(buffer, format="PNG")
    return buffer.getvalue()


def upload(name, content, content_type="application/octet-stream"):
    return SimpleUploadedFile(name, content, content_type=content_type)


@pytest.fixture
def editor(admin_client):
    """The Wagtail admin as a superuser (the real views, the real forms)."""
    return admin_client


@pytest.fixture
def root_collection(db):
    return Collection.get_first_root_node()
