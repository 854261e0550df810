"""System messages: a join, a leave, a removal or a rename, told in the chat like any message.

They take the next seq and rev under the session lock exactly like `message_create`, so pollers
and sockets get them in order with everything else; the app renders them from `event`
(serializers.SystemEventSerializer documents the shapes).
"""

from django.db import transaction
from django.utils import timezone

from backend.accounts.selectors import user_json

from ..models import ChatSession, Message
from ..realtime import broadcast_message_on_commit
from ..signals import message_created
from .cursor import counters_save, rev_next, session_lock
from .read_state import read_mark_own


def user_ref(user) -> dict:
    """How an event names a person: as they were called when it happened."""
    return user_json(user)


def system_message_add(locked: ChatSession, session: ChatSession, *, user, event: dict) -> Message:
    """Under the session lock the caller holds: the next seq and rev, saved, pushed on commit.
    `user` is who acted (the one who joined, left, removed or renamed)."""
    now = timezone.now()
    locked.last_seq += 1
    message = Message.objects.create(
        session=session,
        seq=locked.last_seq,
        rev=rev_next(locked),
        kind=Message.Kind.SYSTEM,
        event=event,
        user=user,
        text="",
        created_at=now,
    )
    message.reaction_summary = []
    read_mark_own(session_id=session.pk, user_id=user.pk, seq=message.seq)  # one's own action is no news to one
    counters_save(locked, session, last_activity_at=now)
    message_created.send(sender=Message, message=message)  # the bot's hook answers text only
    broadcast_message_on_commit(message)
    return message


@transaction.atomic
def system_message_create(*, session: ChatSession, user, event: dict) -> Message:
    return system_message_add(session_lock(session), session, user=user, event=event)
