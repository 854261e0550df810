"""Attachments: upload, send with a message, delete with it, expire when never sent, read by the bot."""

import logging
import re
import unicodedata
from datetime import timedelta
from pathlib import PurePosixPath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from .images import HEAD_BYTES, RASTER_TYPES, ImageTooLarge, image_info, sniff
from .models import MAX_NAME_LENGTH, Attachment

log = logging.getLogger(__name__)

UNSENT_LIFETIME = timedelta(hours=24)
DOCUMENT_SUFFIXES = frozenset({".txt", ".md", ".rst", ".html", ".htm", ".pdf"})


class TooLarge(Exception):
    """Over MYCHAT_MAX_UPLOAD_MB: a 413."""


def max_upload_bytes() -> int:
    return settings.MYCHAT_MAX_UPLOAD_MB * 1024 * 1024


def clean_file_name(name: object) -> str:
    """The last path part, NFC, without control or format characters, at most MAX_NAME_LENGTH
    characters (keeping the suffix); "file" when nothing is left."""
    name = unicodedata.normalize("NFC", str(name or ""))
    name = re.split(r"[/\\]", name)[-1]
    name = "".join(ch for ch in name if not unicodedata.category(ch).startswith("C"))
    name = name.strip().lstrip(".").strip()
    if len(name) > MAX_NAME_LENGTH:
        suffix = PurePosixPath(name).suffix
        suffix = suffix if 1 < len(suffix) <= 16 else ""
        name = name[: MAX_NAME_LENGTH - len(suffix)].rstrip() + suffix
    return name or "file"


def attachment_upload(*, session, user, upload) -> Attachment:
    """Store a member's file for the chat (not yet sent). The type comes from the bytes; a raster
    image gets its size and a thumbnail; a broken one is kept as a plain file; a bomb is refused."""
    if upload is None or not hasattr(upload, "read"):
        raise ValidationError({"file": [_("No file was sent (a multipart field named `file`).")]})
    if upload.size == 0:
        raise ValidationError({"file": [_("The file is empty.")]})
    if upload.size > max_upload_bytes():
        raise TooLarge()
    upload.seek(0)
    content_type = sniff(upload.read(HEAD_BYTES))
    upload.seek(0)
    info = None
    if content_type in RASTER_TYPES:
        try:
            info = image_info(upload)
        except ImageTooLarge:
            raise ValidationError({"file": [_("This image has too many pixels to show.")]}) from None
        if info is None:
            content_type = "application/octet-stream"  # says it is an image but is not one that opens
        upload.seek(0)
    attachment = Attachment(
        session=session,
        uploader=user,
        name=clean_file_name(upload.name),
        size=upload.size,
        content_type=content_type,
        width=info and info.width,
        height=info and info.height,
    )
    # Storage first, outside any transaction (it may be a network service); then one quick insert.
    attachment.file.save("upload", upload, save=False)
    try:
        if info:
            attachment.thumbnail.save("thumbnail", ContentFile(info.thumbnail), save=False)
        attachment.save()
    except BaseException:
        _storage_delete([attachment.file.name, attachment.thumbnail.name])
        raise
    return attachment


def attachment_json(attachment: Attachment) -> dict:
    """The shape of chat.serializers.AttachmentSerializer; the same for every viewer."""
    url = f"/api/attachments/{attachment.pk}/"
    return {
        "id": attachment.pk,
        "name": attachment.name,
        "size": attachment.size,
        "content_type": attachment.content_type,
        "url": url,
        "thumbnail_url": f"{url}thumbnail/" if attachment.thumbnail else None,
        "width": attachment.width,
        "height": attachment.height,
    }


class MessageAttachments:
    """What chat asks of attachments (backend/chat/extensions.py)."""

    def claim(self, *, message, ids: list[int]) -> int:
        claimed = Attachment.objects.filter(
            pk__in=ids, session_id=message.session_id, uploader_id=message.user_id, message__isnull=True
        ).update(message=message)
        if claimed != len(ids):
            raise ValidationError(
                {"attachments": [_("Not your upload to this chat, or sent already: upload the file again.")]}
            )
        return claimed

    def summaries(self, message_ids: list[int]) -> dict[int, list[dict]]:
        found: dict[int, list[dict]] = {}
        for attachment in Attachment.objects.filter(message_id__in=message_ids).order_by("id"):
            found.setdefault(attachment.message_id, []).append(attachment_json(attachment))
        return found

    def release(self, *, message) -> None:
        for attachment in Attachment.objects.filter(message=message):
            attachment.delete()  # post_delete: the stored bytes go once the transaction commits


def _storage_delete(names: list[str]) -> None:
    for name in names:
        if not name:
            continue
        try:
            default_storage.delete(name)
        except Exception:  # storage down: the bytes stay, unreachable (no row names them)
            log.exception("could not delete stored file %s", name)


def storage_remove_on_commit(sender, instance: Attachment, **kwargs) -> None:
    names = [instance.file.name, instance.thumbnail.name]
    transaction.on_commit(lambda: _storage_delete(names))


def attachments_expire(*, now=None, batch: int = 500) -> int:
    """Removes uploads never sent with a message within UNSENT_LIFETIME; returns how many."""
    cutoff = (now or timezone.now()) - UNSENT_LIFETIME
    removed = 0
    while ids := list(
        Attachment.objects.filter(message__isnull=True, created_at__lt=cutoff).values_list("pk", flat=True)[:batch]
    ):
        with transaction.atomic():
            # Again, locked: one may have been sent with a message since it was listed.
            still_unsent = Attachment.objects.select_for_update().filter(
                pk__in=ids, message__isnull=True, created_at__lt=cutoff
            )
            for attachment in still_unsent:
                attachment.delete()
                removed += 1
    return removed


class NotADocument(ValueError):
    """The attachment is not a text or PDF document the bot can read."""


def attachment_document(attachment: Attachment) -> tuple[str, bytes]:
    """(name, bytes) of a document attachment (txt, md, rst, html, pdf), for the bot's knowledge
    base (autoreply's document_add_to_chat, which preproc reads by the name's suffix)."""
    suffix = PurePosixPath(attachment.name).suffix.lower()
    if suffix == ".pdf":
        readable = attachment.content_type == "application/pdf"
    else:
        readable = attachment.content_type.startswith("text/")
    if suffix not in DOCUMENT_SUFFIXES or not readable:
        raise NotADocument(f"{attachment.name} is not a text, Markdown, reStructuredText, HTML or PDF document")
    with default_storage.open(attachment.file.name, "rb") as stored:
        return attachment.name, stored.read()
