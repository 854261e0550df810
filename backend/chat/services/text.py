"""The input rules of a message and of a chat's title, for every way one comes in (REST, WebSocket, the bot)."""

import unicodedata

import emoji as emoji_data
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from ..models import MAX_MESSAGE_LENGTH, MAX_TITLE_LENGTH

MAX_IDEMPOTENCY_KEY_LENGTH = 100


def clean_message_text(text: object, *, blank_allowed: bool = False) -> str:
    """`blank_allowed`: a message that carries attachments needs no text (a caption is optional)."""
    if text is None and blank_allowed:
        return ""
    if text is None:
        raise ValidationError({"message": [_("This field is required.")]})
    if not isinstance(text, str):
        raise ValidationError({"message": [_("Must be a string.")]})
    text = text.strip()
    if not text and not blank_allowed:
        raise ValidationError({"message": [_("May not be blank.")]})
    if len(text) > MAX_MESSAGE_LENGTH:
        raise ValidationError(
            {
                "message": [
                    _("At most %(limit)d characters (got %(count)d).")
                    % {"limit": MAX_MESSAGE_LENGTH, "count": len(text)}
                ]
            }
        )
    if "\x00" in text:  # PostgreSQL cannot store it; nobody types it
        raise ValidationError({"message": [_("May not contain the NUL character.")]})
    return text


def clean_idempotency_key(key: object) -> str | None:
    if key is None or key == "":
        return None
    if not isinstance(key, str) or len(key) > MAX_IDEMPOTENCY_KEY_LENGTH or not key.isprintable():
        raise ValidationError(
            {
                "idempotency_key": [
                    _("Must be printable text of at most %(limit)d characters.") % {"limit": MAX_IDEMPOTENCY_KEY_LENGTH}
                ]
            }
        )
    return key


def clean_seq(value: object, *, field: str) -> int:
    """A seq named in a body (`reply_to`): a positive integer, not a bool or a string."""
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise ValidationError({field: [_("Must be the seq of a message (a positive integer).")]})
    return value


# Joiners that scripts need (Persian, the Indic scripts) and that emoji sequences are made of.
_VISIBLE_JOINERS = {"\u200c", "\u200d"}


def _invisible_characters(text: str) -> bool:
    """Control characters (Cc: tabs, newlines, escapes) or invisible formatting ones (Cf: bidi
    overrides, zero-width spaces, tag characters), outside emoji (a flag or a family is made of
    some) and joiners."""
    rest = emoji_data.replace_emoji(text, replace="")
    return any(unicodedata.category(c) in ("Cc", "Cf") and c not in _VISIBLE_JOINERS for c in rest)


def clean_title(title: object) -> str:
    """A group chat's title: text, trimmed, at most MAX_TITLE_LENGTH characters, one visible line."""
    if not isinstance(title, str):
        raise ValidationError({"title": [_("Must be a string.")]})
    title = title.strip()
    if len(title) > MAX_TITLE_LENGTH:
        raise ValidationError(
            {
                "title": [
                    _("At most %(limit)d characters (got %(count)d).")
                    % {"limit": MAX_TITLE_LENGTH, "count": len(title)}
                ]
            }
        )
    if _invisible_characters(title):
        raise ValidationError({"title": [_("May not contain line breaks, tabs or invisible control characters.")]})
    return title
