"""Writes: every change to chat sessions, members and messages goes through these functions."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from .models import MAX_MESSAGE_LENGTH, MAX_TITLE_LENGTH, ChatSession, Membership, Message
from .notifications import notification_for_join, notifications_for_mentions
from .realtime import broadcast_message_on_commit
from .signals import message_created

MAX_IDEMPOTENCY_KEY_LENGTH = 100


def clean_message_text(text: object) -> str:
    """The text rules for every way a message comes in (REST, WebSocket, the bot)."""
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


@transaction.atomic
def session_create(*, owner, title: str = "") -> ChatSession:
    title = (title or "").strip()
    if len(title) > MAX_TITLE_LENGTH:
        raise ValidationError({"title": [f"At most {MAX_TITLE_LENGTH} characters."]})
    session = ChatSession.objects.create(owner=owner, title=title)
    Membership.objects.create(session=session, user=owner)
    return session


@transaction.atomic
def membership_join(*, session: ChatSession, user) -> bool:
    """The caller joins (nobody adds someone else). Returns whether they were new; a newcomer's owner hears of it."""
    _, created = Membership.objects.get_or_create(session=session, user=user)
    if created:
        notification_for_join(session=session, user=user)
    return created


@transaction.atomic
def message_create(
    *, session: ChatSession, user, text: object, is_bot: bool = False, idempotency_key: object = None
) -> tuple[Message, bool]:
    """Validate, allocate the next seq and save; returns (message, created).

    The session row stays locked until commit, so seqs commit in order: a poller asking
    `after=<seq>` can never see seq n+1 before seq n. On SQLite the IMMEDIATE transaction
    mode gives the same serialisation. A repeated idempotency key returns the first message.
    """
    text = clean_message_text(text)
    idempotency_key = clean_idempotency_key(idempotency_key)
    locked = ChatSession.objects.select_for_update().only("last_seq").get(pk=session.pk)
    if idempotency_key:
        earlier = (
            Message.objects.select_related("user")
            .filter(session=session, user=user, idempotency_key=idempotency_key)
            .first()
        )
        if earlier:
            return earlier, False
    now = timezone.now()
    message = Message.objects.create(
        session=session,
        seq=locked.last_seq + 1,
        user=user,
        text=text,
        is_bot=is_bot,
        created_at=now,
        idempotency_key=idempotency_key,
    )
    ChatSession.objects.filter(pk=session.pk).update(last_seq=message.seq, last_activity_at=now)
    session.last_seq, session.last_activity_at = message.seq, now
    message_created.send(sender=Message, message=message)
    broadcast_message_on_commit(message)  # first: on_commit callbacks run in order
    notifications_for_mentions(message=message)  # free when the text has no "@"
    return message, True
