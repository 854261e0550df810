"""The change cursor: the session row lock that orders every change, and the revs it hands out.

Every change a viewer must see takes the next rev while the session row is locked, and keeps the
lock until commit; so changes commit in rev order, and a poller asking `since=<rev>` can never
see rev n+1 before rev n (on SQLite the IMMEDIATE transaction mode serialises writers the same way).
"""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.utils.translation import gettext_lazy as _

from ..chat_list import publish_summaries_on_commit
from ..models import RENDERED_WITH, ChatSession, Membership, Message
from ..realtime import broadcast_message_on_commit


def session_lock(session: ChatSession) -> ChatSession:
    """Lock the session row for the rest of the transaction; returns its current counters (and
    who owns it). A chat deleted meanwhile is a 404: the deletion held this lock first."""
    fields = ("uri", "kind", "title", "invite_code", "owner_id", "last_seq", "rev")
    locked = ChatSession.objects.select_for_update().only(*fields).filter(pk=session.pk).first()
    if locked is None:
        raise Http404(_("This chat no longer exists."))
    return locked


def member_lock(session: ChatSession, user) -> ChatSession:
    """session_lock for a change that `user` makes: they must still be an active member once the
    lock is held (a removal, a leave or a deactivation that committed a moment earlier wins)."""
    locked = session_lock(session)
    if not Membership.objects.filter(session_id=session.pk, user_id=user.pk, user__is_active=True).exists():
        raise PermissionDenied(_("You are not a member of this chat."))
    return locked


def rev_next(locked: ChatSession) -> int:
    locked.rev += 1
    return locked.rev


def counters_save(locked: ChatSession, session: ChatSession, **fields) -> None:
    """Write the locked session's counters (and `fields`), and mirror them on the caller's instance.
    Every member's chat list hears of the change after commit."""
    ChatSession.objects.filter(pk=locked.pk).update(rev=locked.rev, last_seq=locked.last_seq, **fields)
    publish_summaries_on_commit(locked.pk)
    session.rev, session.last_seq = locked.rev, locked.last_seq
    for name, value in fields.items():
        setattr(session, name, value)


def message_for_change(*, session: ChatSession, seq: int) -> Message:
    """A message of the session by seq, for a change under the session lock: 404 when there is none."""
    message = Message.objects.select_related(*RENDERED_WITH).filter(session=session, seq=seq).first()
    if message is None:
        raise Http404(_("No message with this seq in this chat."))
    return message


def replies_restamp(locked: ChatSession, message: Message) -> list[Message]:
    """Replies quote their original: when it changes, each reply takes a new rev so pollers re-read it."""
    replies = list(message.replies.select_related(*RENDERED_WITH).order_by("seq"))
    for reply in replies:
        reply.rev = rev_next(locked)
        Message.objects.filter(pk=reply.pk).update(rev=reply.rev)
        broadcast_message_on_commit(reply)
    return replies


def require(condition: bool, reason: str) -> None:
    if not condition:
        raise PermissionDenied(reason)
