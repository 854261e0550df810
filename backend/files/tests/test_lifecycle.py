"""Files go with their message, with their chat, and when never sent."""

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from backend.files.models import Attachment
from backend.files.services import attachments_expire

from .conftest import image_bytes, send, upload

pytestmark = pytest.mark.django_db(transaction=True)  # storage is cleaned on commit


def stored_files(root) -> list:
    return [p for p in root.rglob("*") if p.is_file()]


def test_deleting_a_message_deletes_its_files(client_for, alice, chat, media_in_tmp):
    client = client_for(alice)
    sent = upload(client, chat, image_bytes(), "a.png").json()
    seq = send(client, chat, [sent["id"]], "pic").json()["seq"]
    assert len(stored_files(media_in_tmp)) == 2  # the image and its thumbnail
    assert client.delete(f"/api/chats/{chat}/messages/{seq}/").status_code == 204
    assert stored_files(media_in_tmp) == [] and not Attachment.objects.exists()
    tombstone = client.get(f"/api/chats/{chat}/messages/?since=0").json()["messages"][-1]
    assert tombstone["deleted"] and tombstone["attachments"] == []
    assert client.get(sent["url"]).status_code == 404


def test_deleting_a_chat_deletes_all_its_files(client_for, alice, chat, media_in_tmp):
    client = client_for(alice)
    sent = upload(client, chat, b"one", "1.txt").json()
    send(client, chat, [sent["id"]])
    upload(client, chat, b"unsent", "2.txt")
    assert client.delete(f"/api/chats/{chat}/").status_code == 204
    assert stored_files(media_in_tmp) == [] and not Attachment.objects.exists()


def test_unsent_uploads_are_removed_after_a_day(client_for, alice, chat, media_in_tmp):
    client = client_for(alice)
    old = upload(client, chat, b"old", "old.txt").json()
    sent = upload(client, chat, b"sent", "sent.txt").json()
    send(client, chat, [sent["id"]])
    Attachment.objects.update(created_at=timezone.now() - timedelta(hours=25))
    fresh = upload(client, chat, b"fresh", "fresh.txt").json()
    call_command("attachments_expire", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert set(Attachment.objects.values_list("pk", flat=True)) == {sent["id"], fresh["id"]}
    assert len(stored_files(media_in_tmp)) == 2
    assert send(client, chat, [old["id"]]).status_code == 400
    assert attachments_expire() == 0


def test_an_upload_sent_while_the_expiry_runs_is_kept(client_for, alice, chat, media_in_tmp, monkeypatch):
    """The expiry lists old unsent uploads, then deletes them: one sent in between stays sent."""
    from django.db import transaction

    from backend.files import services

    client = client_for(alice)
    late = upload(client, chat, b"late", "late.txt").json()["id"]
    Attachment.objects.update(created_at=timezone.now() - timedelta(hours=25))
    atomic = transaction.atomic

    def sent_just_in_time(*args, **kwargs):
        monkeypatch.setattr(services.transaction, "atomic", atomic)  # once
        assert send(client, chat, [late], "sent just in time").status_code == 201
        return atomic(*args, **kwargs)

    monkeypatch.setattr(services.transaction, "atomic", sent_just_in_time)
    assert attachments_expire() == 0
    assert Attachment.objects.filter(pk=late, message__isnull=False).exists()
    assert len(stored_files(media_in_tmp)) == 1
