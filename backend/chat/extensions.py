"""Extension points of chat that other apps plug into (chat imports none of them).

Attachments (backend/files) register here: chat asks them to claim the ids a new message names,
to render what a batch of messages carries, and to let go of a deleted message's files. Without
a registered implementation a message can carry no attachments.
"""

from typing import Protocol

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _


class Attachments(Protocol):
    def claim(self, *, message, ids: list[int]) -> int:
        """Attach the author's unattached uploads `ids` (of the message's chat) to `message`, inside
        its transaction; raise ValidationError({"attachments": [...]}) for any other id. Returns how many."""

    def summaries(self, message_ids: list[int]) -> dict[int, list[dict]]:
        """The attachment JSON (chat.serializers.AttachmentSerializer's shape) of each message; one query."""

    def release(self, *, message) -> None:
        """The message was deleted: its files go (their storage once the transaction commits)."""


_attachments: Attachments | None = None


def register_attachments(implementation: Attachments) -> None:
    global _attachments
    _attachments = implementation


def attachments() -> Attachments | None:
    return _attachments


MAX_ATTACHMENTS_PER_MESSAGE = 10


def clean_attachment_ids(value: object) -> list[int]:
    """`attachments` of a message body: a list of distinct attachment ids (may be empty)."""
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(i, int) and not isinstance(i, bool) and i > 0 for i in value):
        raise ValidationError({"attachments": [_("Must be a list of attachment ids.")]})
    if len(value) > MAX_ATTACHMENTS_PER_MESSAGE:
        raise ValidationError(
            {"attachments": [_("At most %(limit)d attachments per message.") % {"limit": MAX_ATTACHMENTS_PER_MESSAGE}]}
        )
    if value and _attachments is None:
        raise ValidationError({"attachments": [_("This server does not take attachments.")]})
    return list(dict.fromkeys(value))
