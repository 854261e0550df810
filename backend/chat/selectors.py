"""Reads: who may see a session, and the pages of its history."""

from django.core.exceptions import PermissionDenied
from django.db.models import Exists, OuterRef
from django.http import Http404

from .models import ChatSession, Membership, Message
from .paging import PageQuery


def session_get(*, uri: str) -> ChatSession:
    session = ChatSession.objects.filter(uri=uri).first()
    if session is None:
        raise Http404("No chat session with this URI.")
    return session


def session_get_for_member(*, uri: str, user) -> ChatSession:
    """The session, if `user` is a member: 404 for an unknown URI, 403 for a non-member. One query."""
    is_member = Exists(Membership.objects.filter(session=OuterRef("pk"), user=user))
    session = ChatSession.objects.annotate(is_member=is_member).filter(uri=uri).first()
    if session is None:
        raise Http404("No chat session with this URI.")
    if not session.is_member:
        raise PermissionDenied("You are not a member of this chat session.")
    return session


def session_list_for_user(*, user):
    return (
        ChatSession.objects.filter(memberships__user=user)
        .select_related("owner")
        .prefetch_related("members")
        .order_by("-last_activity_at", "-pk")
    )


def session_with_members(*, session: ChatSession) -> ChatSession:
    return ChatSession.objects.select_related("owner").prefetch_related("members").get(pk=session.pk)


def message_page(*, session: ChatSession, query: PageQuery) -> list[Message]:
    """Oldest first. `after` reads forwards from a cursor; otherwise the newest page (before `before`)."""
    messages = Message.objects.filter(session=session).select_related("user")
    if query.after is not None:
        messages = messages.filter(seq__gt=query.after)
    if query.before is not None:
        messages = messages.filter(seq__lt=query.before)
    if query.after is not None:
        return list(messages.order_by("seq")[: query.limit])
    return list(messages.order_by("-seq")[: query.limit])[::-1]
