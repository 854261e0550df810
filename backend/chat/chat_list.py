"""The chat list: each chat as a summary for one member, its ETag, and the summaries pushed on a change.

A summary is {uri, title, kind, owner, member_count, members_preview (≤ 5), last_message, last_seq,
last_read_seq, unread_count, mention_count, last_activity_at, role}. seq is gapless, so
unread_count = last_seq - last_read_seq without counting rows; mention_count counts the member's
unread mention notifications of that chat. A user's whole list costs three queries whatever the
number of chats, members or messages: the memberships (with their sessions, owners, member and
mention counts), the first five members of every chat (one window query), and the newest message
of every chat (by its seq, on the (session, seq) index).
"""

import hashlib
import json
from functools import partial

from django.contrib.auth import get_user_model
from django.db import DatabaseError, connection, transaction
from django.db.models import Count, F, IntegerField, OuterRef, Subquery, Value, Window
from django.db.models.functions import Coalesce, RowNumber
from rest_framework.authtoken.models import Token

from .models import EXCERPT_LENGTH, ChatSession, Membership, Message, Notification
from .notifications import shorten
from .realtime import publish_each, user_group

PREVIEW_MEMBERS = 5


def _user(user) -> dict:
    return {"id": user.pk, "username": user.username}


def _iso(moment) -> str:
    text = moment.isoformat()
    return text[:-6] + "Z" if text.endswith("+00:00") else text


def system_excerpt(event: dict | None) -> str:
    """A system message in words, as the list shows it ("ana joined")."""
    event = event or {}
    who = (event.get("user") or {}).get("username", "Someone")
    if event.get("type") == "join":
        return f"{who} joined"
    if event.get("type") == "leave":
        return f"{who} left"
    if event.get("type") == "remove":
        return f"{who} was removed"
    if event.get("type") == "rename":
        return f"{who} renamed the chat" if event.get("title") else f"{who} took the chat's name away"
    return ""


def last_message_summary(message: Message | None) -> dict | None:
    if message is None:
        return None
    if message.kind == Message.Kind.SYSTEM:
        excerpt = system_excerpt(message.event)
    else:
        excerpt = "" if message.deleted else shorten(" ".join(message.text.split()), EXCERPT_LENGTH)
    return {
        "seq": message.seq,
        "kind": message.kind,
        "user": _user(message.user),
        "excerpt": excerpt,
        "deleted": message.deleted,
        "created_at": _iso(message.created_at),
    }


def _shared_summary(session: ChatSession, *, member_count: int, preview: list, last_message) -> dict:
    """The part of a summary that is the same for every member."""
    return {
        "uri": session.uri,
        "title": session.title,
        "kind": session.kind,
        "owner": _user(session.owner),
        "member_count": member_count,
        "members_preview": [_user(user) for user in preview],
        "last_message": last_message_summary(last_message),
        "last_seq": session.last_seq,
        "last_activity_at": _iso(session.last_activity_at),
    }


def _personal(session: ChatSession, *, user_id: int, last_read_seq: int, mention_count: int) -> dict:
    return {
        "last_read_seq": last_read_seq,
        "unread_count": max(session.last_seq - last_read_seq, 0),
        "mention_count": mention_count,
        "role": session.role_of(user_id).value,
    }


def _count_of(model, **filters):
    """A correlated COUNT(*) subquery over `model` rows matching `filters` (OuterRef allowed)."""
    rows = model.objects.filter(**filters).order_by().values(*filters.keys()).annotate(n=Count("pk")).values("n")
    return Coalesce(Subquery(rows, output_field=IntegerField()), Value(0))


def _previews(session_ids: list[int]) -> dict[int, list]:
    """The first PREVIEW_MEMBERS members of each session, longest-standing first. One query."""
    if not session_ids:
        return {}
    rank = Window(RowNumber(), partition_by=[F("session_id")], order_by=[F("joined_at").asc(), F("pk").asc()])
    rows = (
        Membership.objects.filter(session_id__in=session_ids)
        .annotate(rank=rank)
        .filter(rank__lte=PREVIEW_MEMBERS)
        .select_related("user")
        .order_by("session_id", "rank")
    )
    found: dict[int, list] = {}
    for membership in rows:
        found.setdefault(membership.session_id, []).append(membership.user)
    return found


def _last_messages(session_ids: list[int]) -> dict[int, Message]:
    """The newest message of each session (seq = last_seq, on the unique (session, seq) index). One query."""
    if not session_ids:
        return {}
    rows = Message.objects.filter(session_id__in=session_ids, seq=F("session__last_seq")).select_related("user")
    return {message.session_id: message for message in rows}


def chat_summaries(*, user) -> list[dict]:
    """The user's chats (not those they left), latest activity first, as summaries. Three queries."""
    memberships = list(
        Membership.objects.filter(user=user)
        .select_related("session__owner")
        .annotate(
            member_count=_count_of(Membership, session_id=OuterRef("session_id")),
            mention_count=_count_of(
                Notification,
                recipient_id=OuterRef("user_id"),
                session_id=OuterRef("session_id"),
                kind=Notification.MENTION,
                read=False,
            ),
        )
        .order_by("-session__last_activity_at", "-session_id")
    )
    ids = [membership.session_id for membership in memberships]
    previews, last_messages = _previews(ids), _last_messages(ids)
    summaries = []
    for membership in memberships:
        session = membership.session
        shared = _shared_summary(
            session,
            member_count=membership.member_count,
            preview=previews.get(session.pk, []),
            last_message=last_messages.get(session.pk),
        )
        personal = _personal(
            session, user_id=user.pk, last_read_seq=membership.last_read_seq, mention_count=membership.mention_count
        )
        summaries.append(shared | personal)
    return summaries


# The list's ETag: what a summary shows changes only with these. Every change of a chat a member
# sees (a message, an edit, a reaction, a join, leave or rename, told as a system message) moves
# its rev; a read mark moves last_read_seq; joining or leaving changes the set of memberships;
# marking a mention read changes the unread mentions. One query, by token (the lean lane) or by user.
def _fingerprint_sql(where: str) -> str:
    user = get_user_model()._meta
    notifications = Notification._meta.db_table
    return (
        "SELECT COUNT(m.id), COALESCE(SUM(s.rev), 0), COALESCE(SUM(m.last_read_seq), 0),"
        " COALESCE(SUM(m.id), 0), COALESCE(MAX(m.id), 0),"
        f" (SELECT COUNT(*) FROM {notifications} n WHERE n.recipient_id = u.{user.pk.column}"
        f" AND n.kind = '{Notification.MENTION}' AND n.read = %s),"
        f" (SELECT COALESCE(MAX(n.id), 0) FROM {notifications} n WHERE n.recipient_id = u.{user.pk.column})"
        f" FROM {user.db_table} u"
        f" LEFT JOIN {Membership._meta.db_table} m ON m.user_id = u.{user.pk.column}"
        f" LEFT JOIN {ChatSession._meta.db_table} s ON s.id = m.session_id"
        f" {where} GROUP BY u.{user.pk.column}"
    )


_USER_ID = f"u.{get_user_model()._meta.pk.column}"
FINGERPRINT_BY_USER_SQL = _fingerprint_sql(f"WHERE {_USER_ID} = %s")
FINGERPRINT_BY_TOKEN_SQL = _fingerprint_sql(
    f"JOIN {Token._meta.db_table} t ON t.user_id = {_USER_ID} WHERE t.key = %s AND u.is_active"
)


def _etag(row) -> str:
    digest = hashlib.blake2b(".".join(str(value) for value in row).encode(), digest_size=9).hexdigest()
    return f'"chats.{digest}"'


def list_etag(*, user) -> str:
    with connection.cursor() as cursor:
        cursor.execute(FINGERPRINT_BY_USER_SQL, [False, user.pk])
        return _etag(cursor.fetchone())


def list_etag_for_token(token_key: str) -> str | None:
    """The ETag of the list of the token's active user, or None (no such token, a database hiccup)."""
    try:
        with connection.cursor() as cursor:
            cursor.execute(FINGERPRINT_BY_TOKEN_SQL, [False, token_key])
            row = cursor.fetchone()
    except DatabaseError:
        connection.close()
        return None
    return _etag(row) if row else None


# The push: after a change commits, every member's notification sockets get the chat's summary
# as that member sees it. The shared part is read and encoded once; each member's frame splices
# in their own counters. Four queries and one frame per member, whatever the chat's history.
def summary_frames(session_id: int, *, user_ids: list[int] | None = None) -> list[tuple[str, str]]:
    """(group, frame) for each member of the session (or only `user_ids`)."""
    session = ChatSession.objects.select_related("owner").filter(pk=session_id).first()
    if session is None:
        return []
    memberships = Membership.objects.filter(session_id=session_id)
    if user_ids is not None:
        memberships = memberships.filter(user_id__in=user_ids)
    readers = list(memberships.values_list("user_id", "last_read_seq"))
    if not readers:
        return []
    member_count = Membership.objects.filter(session_id=session_id).count() if user_ids else len(readers)
    mentions = dict(
        Notification.objects.filter(
            session_id=session_id, kind=Notification.MENTION, read=False, recipient_id__in=[u for u, _ in readers]
        )
        .values_list("recipient_id")
        .annotate(n=Count("pk"))
    )
    shared = _shared_summary(
        session,
        member_count=member_count,
        preview=_previews([session_id]).get(session_id, []),
        last_message=_last_messages([session_id]).get(session_id),
    )
    head = '{"type":"chat","chat":' + json.dumps(shared, separators=(",", ":"), ensure_ascii=False)[:-1] + ","
    frames = []
    for user_id, last_read_seq in readers:
        personal = _personal(
            session, user_id=user_id, last_read_seq=last_read_seq, mention_count=mentions.get(user_id, 0)
        )
        frames.append((user_group(user_id), head + json.dumps(personal, separators=(",", ":"))[1:] + "}"))
    return frames


def publish_summaries(session_id: int, user_ids: list[int] | None = None) -> None:
    publish_each(summary_frames(session_id, user_ids=user_ids))


def publish_summaries_on_commit(session_id: int, *, user_ids: list[int] | None = None) -> None:
    """After commit, tell the members' list (or only `user_ids`') that this chat changed."""
    transaction.on_commit(partial(publish_summaries, session_id, user_ids))
