"""Reads: who may see a session, and the pages of its history."""

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Exists, OuterRef, Prefetch, Subquery
from django.http import Http404
from django.utils.translation import gettext_lazy as _

from .models import RENDERED_WITH, ChatSession, Membership, Message
from .paging import PageQuery


def session_get(*, uri: str) -> ChatSession:
    session = ChatSession.objects.filter(uri=uri).first()
    if session is None:
        raise Http404(_("No chat session with this URI."))
    return session


def session_get_for_member(*, uri: str, user) -> ChatSession:
    """The session, if `user` is a member: 404 for an unknown URI, 403 for a non-member. One query."""
    is_member = Exists(Membership.objects.filter(session=OuterRef("pk"), user=user))
    session = ChatSession.objects.annotate(is_member=is_member).filter(uri=uri).first()
    if session is None:
        raise Http404(_("No chat session with this URI."))
    if not session.is_member:
        raise PermissionDenied(_("You are not a member of this chat session."))
    return session


def session_with_members(*, session: ChatSession, user=None) -> ChatSession:
    """The session with its members, and with `user`'s read mark (`last_read_seq`) when given."""
    sessions = ChatSession.objects.all()
    if user is not None:
        mark = Membership.objects.filter(session=OuterRef("pk"), user=user).values("last_read_seq")[:1]
        sessions = sessions.annotate(last_read_seq=Subquery(mark))
    return (
        sessions.annotate(member_count=Count("memberships"))
        .select_related("owner__profile")
        .prefetch_related(Prefetch("members", queryset=get_user_model().objects.select_related("profile")))
        .get(pk=session.pk)
    )


def member_list(*, session: ChatSession):
    """The session's memberships with their users, longest-standing first (the order ownership passes in)."""
    return Membership.objects.filter(session=session).select_related("user__profile").order_by("joined_at", "pk")


def _cut(rows: list, limit: int) -> tuple[list, bool]:
    return rows[:limit], len(rows) > limit


def message_page(*, session: ChatSession, query: PageQuery) -> tuple[list[Message], bool]:
    """(messages, has_more). `since`: changed after that rev, in rev order. Otherwise oldest first by
    seq: `after` reads forwards, `around` both ways from a seq (it included), else the newest page
    (before `before`). `has_more`: the page was cut by the limit in the direction it reads."""
    messages = Message.objects.filter(session=session).select_related(*RENDERED_WITH)
    limit = query.limit
    if query.since is not None:
        return _cut(list(messages.filter(rev__gt=query.since).order_by("rev")[: limit + 1]), limit)
    if query.around is not None:
        older, older_cut = _cut(
            list(messages.filter(seq__lt=query.around).order_by("-seq")[: limit // 2 + 1]), limit // 2
        )
        newer_limit = limit - len(older)
        newer, newer_cut = _cut(
            list(messages.filter(seq__gte=query.around).order_by("seq")[: newer_limit + 1]), newer_limit
        )
        return older[::-1] + newer, older_cut or newer_cut
    if query.after is not None:
        messages = messages.filter(seq__gt=query.after)
        if query.before is not None:
            messages = messages.filter(seq__lt=query.before)
        return _cut(list(messages.order_by("seq")[: limit + 1]), limit)
    if query.before is not None:
        messages = messages.filter(seq__lt=query.before)
    rows, cut = _cut(list(messages.order_by("-seq")[: limit + 1]), limit)
    return rows[::-1], cut
