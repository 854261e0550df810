"""The input rules of a message, for every way one comes in (REST, WebSocket, the bot)."""

from django.core.exceptions import ValidationError

from ..models import MAX_MESSAGE_LENGTH

MAX_IDEMPOTENCY_KEY_LENGTH = 100


def clean_message_text(text: object) -> str:
    if text is None:
        raise ValidationError({"message": ["This field is required."]})
    if not isinstance(text, str):
        raise ValidationError({"message": ["Must be a string."]})
    text = text.strip()
    if not text:
        raise ValidationError({"message": ["May not be blank."]})
    if len(text) > MAX_MESSAGE_LENGTH:
        raise ValidationError({"message": [f"At most {MAX_MESSAGE_LENGTH} characters (got {len(text)})."]})
    return text


def clean_idempotency_key(key: object) -> str | None:
    if key is None or key == "":
        return None
    if not isinstance(key, str) or len(key) > MAX_IDEMPOTENCY_KEY_LENGTH or not key.isprintable():
        raise ValidationError(
            {"idempotency_key": [f"Must be printable text of at most {MAX_IDEMPOTENCY_KEY_LENGTH} characters."]}
        )
    return key


def clean_seq(value: object, *, field: str) -> int:
    """A seq named in a body (`reply_to`): a positive integer, not a bool or a string."""
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise ValidationError({field: ["Must be the seq of a message (a positive integer)."]})
    return value
