"""Membership: join with the invite code, leave, be removed by the owner; each told in the chat."""

import re

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import Http404
from django.utils.translation import gettext_lazy as _

from ..models import ChatSession, Membership, Role, new_invite_code
from ..notifications import notification_for_join
from ..realtime import CLOSE_FORBIDDEN, chat_removed_on_commit, close_chat_sockets_on_commit
from .cursor import require, session_lock
from .sessions import session_destroy
from .system import system_message_add, user_ref

INVALID_INVITE = _("This invite link is not valid (it may have been reset).")
INVITE_CODE = re.compile(r"[A-Za-z0-9_-]{1,32}")


def membership_add(locked: ChatSession, session: ChatSession, user, *, actor) -> bool:
    """Under the session lock: make `user` a member, told in the chat as a join. False when they were one."""
    _, created = Membership.objects.get_or_create(session=session, user=user)
    if created:
        system_message_add(locked, session, user=actor, event={"type": "join", "user": user_ref(user)})
    return created


@transaction.atomic
def membership_join_by_invite(*, user, code: object) -> tuple[ChatSession, bool]:
    """The caller joins the group chat whose invite code this is: (session, joined now).

    Any code that is not the current one of a chat (unknown, malformed, reset) is the same 404,
    which says nothing of whether a chat exists.
    """
    if code is None:
        raise ValidationError({"code": [_("This field is required.")]})
    if not isinstance(code, str):
        raise ValidationError({"code": [_("Must be a string.")]})
    session = None
    if INVITE_CODE.fullmatch(code):
        session = ChatSession.objects.filter(invite_code=code, kind=ChatSession.Kind.GROUP).first()
    if session is None:
        raise Http404(INVALID_INVITE)
    return session, membership_join(session=session, user=user, invite_code=code)


@transaction.atomic
def membership_join(*, session: ChatSession, user, invite_code: str | None = None) -> bool:
    """`user` joins (nobody adds someone else: callers are the invite, or trusted code such as
    tests and the admin). With `invite_code`, only while it is still the chat's code. Returns
    whether they were new; a newcomer is told in the chat and the owner hears of it."""
    locked = session_lock(session)
    if invite_code is not None and locked.invite_code != invite_code:  # reset while on its way
        raise Http404(INVALID_INVITE)
    if locked.kind == ChatSession.Kind.DIRECT:
        raise PermissionDenied(_("Nobody joins a direct chat: it is the two people's own."))
    created = membership_add(locked, session, user, actor=user)
    if created:
        notification_for_join(session=locked, user=user)
    return created


def _longest_standing_member(session: ChatSession) -> Membership | None:
    """Who inherits a chat whose owner leaves: the earliest to join whose account is active (a
    deactivated heir could manage nothing), never the bot."""
    members = Membership.objects.filter(session=session).exclude(user__username=settings.MYCHAT_BOT_USERNAME)
    return members.select_related("user__profile").order_by("-user__is_active", "joined_at", "pk").first()


@transaction.atomic
def membership_leave(*, session: ChatSession, user) -> bool:
    """The caller leaves. An owner hands the chat to the longest-standing member; the last member
    leaving deletes it. Returns whether the chat was deleted."""
    locked = session_lock(session)
    if not Membership.objects.filter(session=session, user=user).delete()[0]:
        raise PermissionDenied(_("You are not a member of this chat."))
    close_chat_sockets_on_commit(uri=locked.uri, code=CLOSE_FORBIDDEN, user_id=user.pk)
    chat_removed_on_commit(uri=locked.uri, user_ids=[user.pk])
    heir = _longest_standing_member(session)
    if heir is None:
        session_destroy(locked)
        return True
    event = {"type": "leave", "user": user_ref(user)}
    if locked.owner_id == user.pk:
        ChatSession.objects.filter(pk=session.pk).update(owner=heir.user)
        locked.owner_id = heir.user_id
        session.owner = heir.user
        if locked.kind == ChatSession.Kind.GROUP:
            event["owner"] = user_ref(heir.user)
    system_message_add(locked, session, user=user, event=event)
    return False


@transaction.atomic
def membership_remove(*, session: ChatSession, user, member_id: int) -> bool:
    """The owner removes a member (whose open sockets close at once); removing oneself is leaving.
    The invite is reset too: the removed person has seen its code and must not walk back in.
    Returns whether the chat was deleted (only ever by leaving)."""
    if member_id == user.pk:
        return membership_leave(session=session, user=user)
    locked = session_lock(session)
    if locked.kind == ChatSession.Kind.DIRECT:
        raise PermissionDenied(_("Nobody can be removed from a direct chat: leave it instead."))
    require(locked.role_of(user.pk) == Role.OWNER, _("Only the chat's owner can remove members."))
    membership = Membership.objects.select_related("user__profile").filter(session=session, user_id=member_id).first()
    if membership is None:
        raise Http404(_("No member with this id in this chat."))
    membership.delete()
    session.invite_code = new_invite_code()
    ChatSession.objects.filter(pk=session.pk).update(invite_code=session.invite_code)
    close_chat_sockets_on_commit(uri=locked.uri, code=CLOSE_FORBIDDEN, user_id=member_id)
    chat_removed_on_commit(uri=locked.uri, user_ids=[member_id])
    event = {"type": "remove", "user": user_ref(membership.user), "by": user_ref(user)}
    system_message_add(locked, session, user=user, event=event)
    return False
