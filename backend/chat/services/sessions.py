"""Sessions: start a group chat, rename it, reset its invite, delete it (direct chats: direct.py)."""

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from ..models import ChatSession, Membership, Role, new_invite_code
from ..realtime import CLOSE_NOT_FOUND, chat_removed_on_commit, close_chat_sockets_on_commit
from .cursor import require, session_lock
from .system import system_message_add, user_ref
from .text import clean_title


@transaction.atomic
def session_create(*, owner, title: object = "") -> ChatSession:
    """A group chat: the caller is its owner and first member."""
    session = ChatSession.objects.create(owner=owner, title=clean_title(title))
    Membership.objects.create(session=session, user=owner)
    return session


def _require_owner(locked: ChatSession, user, *, owner_only: str, direct: str) -> None:
    if locked.kind == ChatSession.Kind.DIRECT:
        raise PermissionDenied(direct)
    require(locked.role_of(user.pk) == Role.OWNER, owner_only)


@transaction.atomic
def session_rename(*, session: ChatSession, user, title: object) -> ChatSession:
    """The owner names the chat ("" takes the name away); the change is told in the chat."""
    title = clean_title(title)
    locked = session_lock(session)
    _require_owner(
        locked,
        user,
        owner_only=_("Only the chat's owner can rename it."),
        direct=_("A direct chat has no title: the app names it after the other person."),
    )
    if title == locked.title:
        return session
    ChatSession.objects.filter(pk=session.pk).update(title=title)
    session.title = title
    system_message_add(locked, session, user=user, event={"type": "rename", "user": user_ref(user), "title": title})
    return session


@transaction.atomic
def invite_rotate(*, session: ChatSession, user) -> ChatSession:
    """The owner resets the invite: the old link stops working at once."""
    locked = session_lock(session)
    _require_owner(
        locked,
        user,
        owner_only=_("Only the chat's owner can reset its invite link."),
        direct=_("A direct chat has no invite link."),
    )
    session.invite_code = new_invite_code()
    ChatSession.objects.filter(pk=session.pk).update(invite_code=session.invite_code)
    return session


@transaction.atomic
def session_delete(*, session: ChatSession, user) -> None:
    """The owner deletes the chat for everyone: its messages, reactions, notifications and the
    bot's pending work go with it, and its open sockets close with 4404."""
    locked = session_lock(session)
    _require_owner(
        locked,
        user,
        owner_only=_("Only the chat's owner can delete it."),
        direct=_("A direct chat cannot be deleted for both people: leave it instead."),
    )
    session_destroy(locked)


def session_destroy(locked: ChatSession) -> None:
    """Under the session lock: delete the chat and everything hanging off it (cascades)."""
    member_ids = list(Membership.objects.filter(session_id=locked.pk).values_list("user_id", flat=True))
    ChatSession.objects.filter(pk=locked.pk).delete()
    chat_removed_on_commit(uri=locked.uri, user_ids=member_ids)
    close_chat_sockets_on_commit(uri=locked.uri, code=CLOSE_NOT_FOUND)
