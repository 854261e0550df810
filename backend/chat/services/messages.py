"""Messages: post (the one write path of REST, the socket and the bot), edit and delete."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from backend.web.errors import Conflict

from ..extensions import attachments, clean_attachment_ids
from ..models import RENDERED_WITH, ChatSession, Message, Notification, Reaction, Role
from ..notifications import mentioned_member_ids, notifications_for_mentions
from ..realtime import broadcast_message_on_commit
from ..signals import message_created
from .cursor import counters_save, member_lock, message_for_change, replies_restamp, require, rev_next, session_lock
from .read_state import read_mark_own
from .text import clean_idempotency_key, clean_message_text, clean_seq


@transaction.atomic
def message_create(
    *,
    session: ChatSession,
    user,
    text: object,
    is_bot: bool = False,
    idempotency_key: object = None,
    reply_to: object = None,
    attachment_ids: object = None,
) -> tuple[Message, bool]:
    """Validate, allocate the next seq and rev, save; returns (message, created).

    A repeated idempotency key returns the first message. `reply_to` is the seq of a message of
    the same chat; `attachment_ids` name the author's uploads to this chat (then the text may be blank).
    """
    attachment_ids = clean_attachment_ids(attachment_ids)
    text = clean_message_text(text, blank_allowed=bool(attachment_ids))
    idempotency_key = clean_idempotency_key(idempotency_key)
    reply_seq = None if reply_to is None else clean_seq(reply_to, field="reply_to")
    locked = session_lock(session) if is_bot else member_lock(session, user)
    if idempotency_key:
        earlier = (
            Message.objects.select_related(*RENDERED_WITH)
            .filter(session=session, user=user, idempotency_key=idempotency_key)
            .first()
        )
        if earlier:
            return earlier, False
    original = None
    if reply_seq is not None:
        original = Message.objects.filter(session=session, seq=reply_seq).select_related("user__profile").first()
        if original is None:
            raise ValidationError({"reply_to": [_("No message with this seq in this chat.")]})
        if original.kind != Message.Kind.TEXT:
            raise ValidationError({"reply_to": [_("A reply answers a message, not a notice such as a join.")]})
    now = timezone.now()
    locked.last_seq += 1
    message = Message.objects.create(
        session=session,
        seq=locked.last_seq,
        rev=rev_next(locked),
        user=user,
        text=text,
        is_bot=is_bot,
        created_at=now,
        idempotency_key=idempotency_key,
        reply_to=original,
        mentions=mentioned_member_ids(session_id=session.pk, text=text, author_id=user.pk),
    )
    message.reaction_summary = []  # nobody has reacted yet: rendering need not ask
    if attachment_ids:
        message.attachment_count = attachments().claim(message=message, ids=attachment_ids)
        message.save(update_fields=["attachment_count"])
    read_mark_own(session_id=session.pk, user_id=user.pk, seq=message.seq)
    counters_save(locked, session, last_activity_at=now)
    message_created.send(sender=Message, message=message)
    broadcast_message_on_commit(message)  # first: on_commit callbacks run in order
    notifications_for_mentions(message=message, recipient_ids=message.mentions)
    return message, True


@transaction.atomic
def message_edit(*, session: ChatSession, user, seq: int, text: object) -> Message:
    """The author changes the text (a message with files may lose its caption). Members newly
    @mentioned hear of it; a "/" message is not answered again."""
    clean_message_text(text, blank_allowed=text is not None)  # required, a string, not too long: before the lock
    locked = member_lock(session, user)
    message = message_for_change(session=session, seq=seq)
    text = clean_message_text(text, blank_allowed=message.attachment_count > 0)
    require(message.kind == Message.Kind.TEXT and message.user_id == user.pk, _("Only its author can edit a message."))
    if message.deleted:
        raise Conflict(_("This message was deleted."))
    if text == message.text:
        return message
    before = set(message.mentions)
    message.text = text
    message.edited_at = timezone.now()
    message.mentions = mentioned_member_ids(session_id=session.pk, text=text, author_id=user.pk)
    message.rev = rev_next(locked)
    message.save(update_fields=["text", "edited_at", "mentions", "rev"])
    broadcast_message_on_commit(message)
    replies_restamp(locked, message)
    counters_save(locked, session)
    notifications_for_mentions(message=message, recipient_ids=[i for i in message.mentions if i not in before])
    return message


@transaction.atomic
def message_delete(*, session: ChatSession, user, seq: int) -> Message:
    """The author, or the chat's owner, takes a message back. It stays as a tombstone (seq stays
    gapless) without its text, files, reactions or mention notifications. Deleting twice changes nothing."""
    locked = member_lock(session, user)
    message = message_for_change(session=session, seq=seq)
    require(
        message.kind == Message.Kind.TEXT and (user.pk == message.user_id or locked.role_of(user.pk) == Role.OWNER),
        _("Only its author or the chat's owner can delete a message."),
    )
    if message.deleted:
        return message
    message.deleted = True
    message.text = ""
    message.mentions = []
    message.rev = rev_next(locked)
    if message.attachment_count:
        attachments().release(message=message)
        message.attachment_count = 0
    message.save(update_fields=["deleted", "text", "mentions", "rev", "attachment_count"])
    Reaction.objects.filter(message=message).delete()
    Notification.objects.filter(message=message).delete()
    broadcast_message_on_commit(message)
    replies_restamp(locked, message)
    counters_save(locked, session)
    return message
