"""S3-compatible storage (moto's in-process stand-in), the upload body limit in front of Django,
the worker's housekeeping, and documents the bot can read."""

import httpx
import pytest
from asgiref.sync import sync_to_async
from django.conf import settings
from django.core.files.storage import default_storage

from backend.autoreply.services import document_add_to_chat
from backend.chat.models import ChatSession
from backend.files.models import Attachment
from backend.files.services import NotADocument, attachment_document
from backend.testing.api import token_of

from .conftest import image_bytes, send, upload


@pytest.mark.django_db
def test_s3_storage_from_the_environment_stores_and_serves(client_for, alice, chat, settings, monkeypatch):
    moto = pytest.importorskip("moto")
    import boto3

    for variable, value in {
        "AWS_ACCESS_KEY_ID": "test",
        "AWS_SECRET_ACCESS_KEY": "test",
        "AWS_DEFAULT_REGION": "us-east-1",
    }.items():
        monkeypatch.setenv(variable, value)
    with moto.mock_aws():
        boto3.client("s3").create_bucket(Bucket="mychat-files")
        import importlib

        monkeypatch.setenv("MYCHAT_S3_BUCKET", "mychat-files")
        monkeypatch.setenv("MYCHAT_S3_REGION", "us-east-1")
        import backend.settings as project_settings

        fresh = importlib.reload(project_settings)
        try:
            settings.STORAGES = fresh.STORAGES
            assert fresh.STORAGES["default"]["BACKEND"] == "storages.backends.s3.S3Storage"
            assert fresh.STORAGES["default"]["OPTIONS"]["default_acl"] == "private"
            sent = upload(client_for(alice), chat, image_bytes(), "a.png").json()
            send(client_for(alice), chat, [sent["id"]])
            keys = [o["Key"] for o in boto3.client("s3").list_objects_v2(Bucket="mychat-files")["Contents"]]
            assert len(keys) == 2 and all(k.startswith(("attachments/", "thumbnails/")) for k in keys)
            response = client_for(alice).get(sent["url"])
            assert b"".join(response.streaming_content) == image_bytes()
            assert response["Content-Type"] == "image/png"
        finally:
            monkeypatch.delenv("MYCHAT_S3_BUCKET")
            importlib.reload(project_settings)


@pytest.mark.django_db(transaction=True)
async def test_an_upload_over_the_limit_is_413_before_django_reads_it(chat):
    transport = httpx.ASGITransport(app=__import__("backend.asgi", fromlist=["application"]).application)
    async with httpx.AsyncClient(transport=transport, base_url="http://localhost") as client:
        too_big = settings.UPLOAD_BODY_LIMIT + 1
        headers = {"Content-Type": "multipart/form-data; boundary=x", "Content-Length": str(too_big)}

        async def never():  # the body is never read
            raise AssertionError("read")
            yield b""

        response = await client.post(f"/api/chats/{chat}/attachments/", content=never(), headers=headers)
        assert response.status_code == 413 and "limit" in response.json()["detail"]
        # The same size elsewhere is over the small limit of every other body.
        assert settings.UPLOAD_BODY_LIMIT > settings.DATA_UPLOAD_MAX_MEMORY_SIZE


@pytest.mark.django_db(transaction=True)
async def test_a_large_upload_within_the_limit_passes_the_front(chat, alice):
    token = await sync_to_async(token_of)(alice)
    transport = httpx.ASGITransport(app=__import__("backend.asgi", fromlist=["application"]).application)
    async with httpx.AsyncClient(transport=transport, base_url="http://localhost") as client:
        data = b"z" * (1024 * 1024)
        response = await client.post(
            f"/api/chats/{chat}/attachments/",
            files={"file": ("big.bin", data)},
            headers={"Authorization": f"Token {token}"},
        )
    assert response.status_code == 201 and response.json()["size"] == len(data)


@pytest.mark.django_db
def test_the_worker_housekeeping_expires_unsent_uploads(client_for, alice, chat):
    from datetime import timedelta

    from django.utils import timezone

    from backend.autoreply.worker import housekeeping

    upload(client_for(alice), chat, b"old", "old.txt")
    Attachment.objects.update(created_at=timezone.now() - timedelta(days=2))
    housekeeping()
    assert not Attachment.objects.exists()


@pytest.mark.django_db
def test_the_bot_can_read_a_document_attachment(client_for, alice, chat):
    client = client_for(alice)
    notes = upload(client, chat, b"# Deploy\n\nThe invite link is rotated by the owner.\n", "deploy.md").json()
    pdf_named = upload(client, chat, b"not really a pdf", "fake.pdf").json()
    picture = upload(client, chat, image_bytes(), "photo.png").json()
    name, data = attachment_document(Attachment.objects.get(pk=notes["id"]))
    session = ChatSession.objects.get(uri=chat)
    document = document_add_to_chat(session=session, name=name, data=data, added_by=alice)
    assert document.name == "deploy.md" and document.title == "Deploy"
    for refused in (pdf_named, picture):
        with pytest.raises(NotADocument):
            attachment_document(Attachment.objects.get(pk=refused["id"]))
    assert default_storage.exists(Attachment.objects.get(pk=notes["id"]).file.name)
