"""An attachment: a file uploaded by a member to a chat, sent with one of their messages."""

import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone

MAX_NAME_LENGTH = 200
THUMBNAIL_SIZE = 480  # pixels: the longer side of a thumbnail at most (sharp at 240 CSS px on 2x screens)
# Shown in the page; everything else is downloaded (Content-Disposition: attachment).
INLINE_CONTENT_TYPES = frozenset({"image/png", "image/jpeg", "image/gif", "image/webp"})


def stored_name(attachment: "Attachment", filename: str) -> str:
    """Where the bytes live: random, so that neither a name nor an id says where to look."""
    return f"attachments/{secrets.token_urlsafe(18)}"


def thumbnail_name(attachment: "Attachment", filename: str) -> str:
    return f"thumbnails/{secrets.token_urlsafe(18)}"


class Attachment(models.Model):
    session = models.ForeignKey("chat.ChatSession", on_delete=models.CASCADE, related_name="+")
    uploader = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    # NULL until sent with a message; unsent ones are removed after a day (attachments_expire).
    message = models.ForeignKey(
        "chat.Message", null=True, blank=True, on_delete=models.CASCADE, related_name="attachments"
    )
    file = models.FileField(upload_to=stored_name, max_length=200)
    thumbnail = models.FileField(upload_to=thumbnail_name, max_length=200, blank=True)
    name = models.CharField(max_length=MAX_NAME_LENGTH)
    size = models.PositiveBigIntegerField()
    content_type = models.CharField(max_length=100)  # sniffed from the bytes
    width = models.PositiveIntegerField(null=True, blank=True)
    height = models.PositiveIntegerField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        ordering = ["id"]

    def __str__(self) -> str:
        return self.name

    @property
    def inline(self) -> bool:
        return self.content_type in INLINE_CONTENT_TYPES
