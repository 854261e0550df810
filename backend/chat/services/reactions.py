"""Reactions: any single emoji, one per user per emoji; each change is a change of the message."""

import emoji as emoji_data
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from backend.web.errors import Conflict

from ..models import MAX_EMOJI_LENGTH, ChatSession, Message, Reaction
from ..realtime import broadcast_message_on_commit
from .cursor import counters_save, member_lock, message_for_change, rev_next

MAX_DISTINCT_REACTIONS = 40  # per message: enough for any real use, not a canvas for spam


def clean_emoji(value: object) -> str:
    """Exactly one emoji (a ZWJ sequence, a flag or a keycap counts as one), as Unicode defines them."""
    if not isinstance(value, str) or not value or len(value) > MAX_EMOJI_LENGTH or not emoji_data.is_emoji(value):
        raise ValidationError({"emoji": [_("Must be a single emoji.")]})
    return value


def _changeable(session: ChatSession, seq: int) -> Message:
    message = message_for_change(session=session, seq=seq)
    if message.deleted:
        raise Conflict(_("This message was deleted."))
    if message.kind != Message.Kind.TEXT:
        raise ValidationError({"seq": [_("Reactions go on messages, not on notices such as a join.")]})
    return message


def _changed(locked: ChatSession, session: ChatSession, message: Message) -> Message:
    message.rev = rev_next(locked)
    Message.objects.filter(pk=message.pk).update(rev=message.rev)
    counters_save(locked, session)
    broadcast_message_on_commit(message)
    return message


@transaction.atomic
def reaction_add(*, session: ChatSession, user, seq: int, emoji: object) -> Message:
    emoji = clean_emoji(emoji)
    locked = member_lock(session, user)
    message = _changeable(session, seq)
    reactions = Reaction.objects.filter(message=message)
    if reactions.filter(user=user, emoji=emoji).exists():
        return message
    if not reactions.filter(emoji=emoji).exists() and reactions.values("emoji").distinct().count() >= (
        MAX_DISTINCT_REACTIONS
    ):
        raise ValidationError(
            {"emoji": [_("A message can carry at most %(limit)d different emoji.") % {"limit": MAX_DISTINCT_REACTIONS}]}
        )
    Reaction.objects.create(message=message, user=user, emoji=emoji)
    return _changed(locked, session, message)


@transaction.atomic
def reaction_remove(*, session: ChatSession, user, seq: int, emoji: object) -> Message:
    emoji = clean_emoji(emoji)
    locked = member_lock(session, user)
    message = _changeable(session, seq)
    if not Reaction.objects.filter(message=message, user=user, emoji=emoji).delete()[0]:
        return message
    return _changed(locked, session, message)
