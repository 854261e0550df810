import io

import pytest
from PIL import Image


@pytest.fixture(autouse=True)
def media_in_tmp(settings, tmp_path):
    """Stored files go to a fresh directory per test."""
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage", "OPTIONS": {"location": tmp_path}},
    }
    return tmp_path


def image_bytes(fmt: str = "PNG", size=(64, 48), color=(200, 30, 30), **save) -> bytes:
    out = io.BytesIO()
    mode = "RGBA" if fmt == "PNG" else "RGB"
    Image.new(mode, size, color).save(out, format=fmt, **save)
    return out.getvalue()


def upload(client, uri: str, data: bytes, name: str = "file.bin", content_type: str = "application/octet-stream"):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return client.post(
        f"/api/chats/{uri}/attachments/", {"file": SimpleUploadedFile(name, data, content_type)}, format="multipart"
    )


def send(client, uri: str, ids: list[int], text: str | None = None):
    body = {"attachments": ids} | ({"message": text} if text is not None else {})
    return client.post(f"/api/chats/{uri}/messages/", body, format="json")
