"""Notifications: who hears about a mention or a join (writes), and a user's inbox (reads)."""

import re

from django.http import Http404
from django.utils.translation import gettext_lazy as _

from .excerpts import shorten
from .models import EXCERPT_LENGTH, ChatSession, Membership, Message, Notification
from .realtime import notify_on_commit

INBOX_LIMIT = 100
TEXT_LENGTH = Notification._meta.get_field("text").max_length
# Django usernames are letters, digits and @ . + - _; a mention is "@" + one of them, not
# inside a word or an e-mail address ("bob@example.com" mentions nobody).
MENTION = re.compile(r"(?<![\w@.+-])@([\w.@+-]{1,150})")


def mentioned_usernames(text: str) -> set[str]:
    """Candidates for "@name": the name as written and without trailing punctuation ("@bob," → bob)."""
    names = set()
    for match in MENTION.finditer(text):
        name = match[1]
        names.update({name, name.rstrip(".@+-")})
    names.discard("")
    return names


def mentioned_member_ids(*, session_id: int, text: str, author_id: int) -> list[int]:
    """Ids of the session's members that `text` @mentions, but the author. No query without an "@"."""
    names = mentioned_usernames(text) if "@" in text else set()
    if not names:
        return []
    members = Membership.objects.filter(session_id=session_id, user__username__in=names).exclude(user_id=author_id)
    return sorted(members.values_list("user_id", flat=True))


def notifications_for_mentions(*, message: Message, recipient_ids: list[int]) -> list[Notification]:
    """Inside the writing transaction: notify each of `recipient_ids` that `message` mentions them."""
    if not recipient_ids:
        return []
    text = shorten(f"{message.user.username} mentioned you: {shorten(message.text, EXCERPT_LENGTH)}", TEXT_LENGTH)
    notifications = Notification.objects.bulk_create(
        Notification(
            recipient_id=recipient_id,
            actor=message.user,
            kind=Notification.MENTION,
            text=text,
            session_id=message.session_id,
            message=message,
            created_at=message.edited_at or message.created_at,
        )
        for recipient_id in recipient_ids
    )
    notify_on_commit(notifications)
    return notifications


def notification_for_join(*, session: ChatSession, user) -> Notification | None:
    """Inside membership_join's transaction: tell the owner someone joined (not the owner themself)."""
    if user.pk == session.owner_id:
        return None
    where = f" “{shorten(session.title, 80)}”" if session.title else ""
    notification = Notification.objects.create(
        recipient_id=session.owner_id,
        actor=user,
        kind=Notification.JOIN,
        text=shorten(f"{user.username} joined your chat{where}", TEXT_LENGTH),
        session=session,
    )
    notify_on_commit([notification])
    return notification


def notification_list(*, user, unread_only: bool = False) -> list[Notification]:
    """The user's own notifications, newest first, at most INBOX_LIMIT."""
    notifications = Notification.objects.filter(recipient=user).select_related("actor__profile", "session", "message")
    if unread_only:
        notifications = notifications.filter(read=False)
    return list(notifications.order_by("-id")[:INBOX_LIMIT])


def notification_mark_read(*, notification_id: int, user) -> Notification:
    """Mark one of the user's own notifications read; someone else's is a 404, like an unknown one."""
    own = Notification.objects.filter(pk=notification_id, recipient=user)
    if not own.update(read=True):
        raise Http404(_("No such notification."))
    return own.select_related("actor__profile", "session", "message").get()


def notification_mark_all_read(*, user) -> int:
    """Mark every one of the user's notifications read; returns how many were unread."""
    return Notification.objects.filter(recipient=user, read=False).update(read=True)
