import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image


@pytest.fixture(autouse=True)
def media_in_tmp(settings, tmp_path):
    """Stored pictures go to a fresh directory per test."""
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage", "OPTIONS": {"location": tmp_path}},
    }
    return tmp_path


def image_bytes(fmt: str = "PNG", size=(640, 320), color=(200, 30, 30), **save) -> bytes:
    out = io.BytesIO()
    Image.new("RGBA" if fmt == "PNG" else "RGB", size, color).save(out, format=fmt, **save)
    return out.getvalue()


def put_avatar(client, data: bytes, name: str = "me.png", content_type: str = "image/png"):
    return client.put(
        "/api/profile/avatar/", {"file": SimpleUploadedFile(name, data, content_type)}, format="multipart"
    )


def me(client, **changes):
    if changes:
        return client.patch("/auth/users/me/", changes, format="json")
    return client.get("/auth/users/me/")
