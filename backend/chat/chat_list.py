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

from backend.accounts.models import DeviceToken
from backend.accounts.selectors import public_user

from .excerpts import shorten
from .models import EXCERPT_LENGTH, ChatSession, Membership, Message, Notification, Role
from .realtime import publish_each, user_group

PREVIEW_MEMBERS = 5


def _iso(moment) -> str:
    text = moment.isoformat()
    return text[:-6] + "Z" if text.endswith("+00:00") else text


def system_excerpt(event: dict | None) -> str:
    """A system message in words, as the list shows it ("ana joined")."""
    event = event or {}
    person = event.get("user") or {}
    who = person.get("display_name") or person.get("username") or "Someone"
    if event.get("type") == "join":
        return f"{who} joined"
    if event.get("type") == "leave":
        return f"{who} left"
    if event.get("type") == "remove":
        return f"{who} was removed"
    if event.get("type") == "rename":
        return f"{who} renamed the chat" if event.get("title") else f"{who} took the chat's name away"
    return ""


# Rows, not model instances: building a few thousand instances (a user in 200 chats, five
# preview members each) cost ten times the queries themselves.
LAST_MESSAGE_FIELDS = (
    "session_id",
    "seq",
    "kind",
    "event",
    "text",
    "deleted",
    "created_at",
    "user_id",
    "username",
    "display_name",
    "avatar",
)


def last_message_summary(row) -> dict | None:
    if row is None:
        return None
    if row.kind == Message.Kind.SYSTEM:
        excerpt = system_excerpt(row.event)
    else:
        excerpt = "" if row.deleted else shorten(" ".join(row.text.split()), EXCERPT_LENGTH)
    return {
        "seq": row.seq,
        "kind": row.kind,
        "user": public_user(row.user_id, row.username, row.display_name, row.avatar),
        "excerpt": excerpt,
        "deleted": row.deleted,
        "created_at": _iso(row.created_at),
    }


def _shared_summary(session, *, member_count: int, preview: list, last_message) -> dict:
    """The part of a summary that is the same for every member. `session`: a row with uri, title,
    kind, owner_id, owner_username, owner_display_name, owner_avatar, last_seq, last_activity_at."""
    return {
        "uri": session.uri,
        "title": session.title,
        "kind": session.kind,
        "owner": public_user(
            session.owner_id, session.owner_username, session.owner_display_name, session.owner_avatar
        ),
        "member_count": member_count,
        "members_preview": [public_user(*person) for person in preview],
        "last_message": last_message_summary(last_message),
        "last_seq": session.last_seq,
        "last_activity_at": _iso(session.last_activity_at),
    }


def _personal(session, *, user_id: int, last_read_seq: int, mention_count: int) -> dict:
    owner = session.kind == ChatSession.Kind.GROUP and session.owner_id == user_id
    return {
        "last_read_seq": last_read_seq,
        "unread_count": max(session.last_seq - last_read_seq, 0),
        "mention_count": mention_count,
        "role": (Role.OWNER if owner else Role.MEMBER).value,
    }


def _count_of(model, **filters):
    """A correlated COUNT(*) subquery over `model` rows matching `filters` (OuterRef allowed)."""
    rows = model.objects.filter(**filters).order_by().values(*filters.keys()).annotate(n=Count("pk")).values("n")
    return Coalesce(Subquery(rows, output_field=IntegerField()), Value(0))


def _previews(session_ids: list[int]) -> dict[int, list[list]]:
    """(id, username, display name, avatar) of the first PREVIEW_MEMBERS members of each session,
    longest-standing first. One query."""
    if not session_ids:
        return {}
    rank = Window(RowNumber(), partition_by=[F("session_id")], order_by=[F("joined_at").asc(), F("pk").asc()])
    rows = (
        Membership.objects.filter(session_id__in=session_ids)
        .annotate(rank=rank)
        .filter(rank__lte=PREVIEW_MEMBERS)
        .order_by("session_id", "rank")
        .values_list("session_id", "user_id", "user__username", "user__profile__display_name", "user__profile__avatar")
    )
    found: dict[int, list] = {}
    for session_id, *person in rows:
        found.setdefault(session_id, []).append(person)
    return found


def _last_messages(session_ids: list[int]) -> dict[int, tuple]:
    """The newest message of each session (seq = last_seq, on the unique (session, seq) index). One query."""
    if not session_ids:
        return {}
    rows = (
        Message.objects.filter(session_id__in=session_ids, seq=F("session__last_seq"))
        .order_by()  # SQLite: each session's row, then its (session, seq) index entry; no sort
        .annotate(
            username=F("user__username"),
            display_name=F("user__profile__display_name"),
            avatar=F("user__profile__avatar"),
        )
        .values_list(*LAST_MESSAGE_FIELDS, named=True)
    )
    return {row.session_id: row for row in rows}


SESSION_FIELDS = (
    "uri",
    "title",
    "kind",
    "owner_id",
    "owner_username",
    "owner_display_name",
    "owner_avatar",
    "last_seq",
    "last_activity_at",
)


def chat_summaries(*, user) -> list[dict]:
    """The user's chats (not those they left), latest activity first, as summaries. Three queries."""
    memberships = list(
        Membership.objects.filter(user=user)
        .annotate(
            member_count=_count_of(Membership, session_id=OuterRef("session_id")),
            mention_count=_count_of(
                Notification,
                recipient_id=OuterRef("user_id"),
                session_id=OuterRef("session_id"),
                kind=Notification.MENTION,
                read=False,
            ),
            uri=F("session__uri"),
            title=F("session__title"),
            kind=F("session__kind"),
            owner_id=F("session__owner_id"),
            owner_username=F("session__owner__username"),
            owner_display_name=F("session__owner__profile__display_name"),
            owner_avatar=F("session__owner__profile__avatar"),
            last_seq=F("session__last_seq"),
            last_activity_at=F("session__last_activity_at"),
        )
        .order_by("-session__last_activity_at", "-session_id")
        .values_list("session_id", "last_read_seq", "member_count", "mention_count", *SESSION_FIELDS, named=True)
    )
    ids = [membership.session_id for membership in memberships]
    previews, last_messages = _previews(ids), _last_messages(ids)
    summaries = []
    for membership in memberships:
        shared = _shared_summary(
            membership,
            member_count=membership.member_count,
            preview=previews.get(membership.session_id, []),
            last_message=last_messages.get(membership.session_id),
        )
        personal = _personal(
            membership,
            user_id=user.pk,
            last_read_seq=membership.last_read_seq,
            mention_count=membership.mention_count,
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
    f"JOIN {DeviceToken._meta.db_table} t ON t.user_id = {_USER_ID} WHERE t.key = %s AND u.is_active"
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
    session = (
        ChatSession.objects.filter(pk=session_id)
        .annotate(
            owner_username=F("owner__username"),
            owner_display_name=F("owner__profile__display_name"),
            owner_avatar=F("owner__profile__avatar"),
        )
        .values_list(*SESSION_FIELDS, named=True)
        .first()
    )
    if session is None:
        return []
    memberships = Membership.objects.filter(session_id=session_id)
    if user_ids is not None:
        memberships = memberships.filter(user_id__in=user_ids)
    readers = list(memberships.values_list("user_id", "last_read_seq"))
    if not readers:
        return []
    member_count = Membership.objects.filter(session_id=session_id).count() if user_ids else len(readers)
    unread_mentions = Notification.objects.filter(session_id=session_id, kind=Notification.MENTION, read=False)
    if user_ids is not None:
        unread_mentions = unread_mentions.filter(recipient_id__in=user_ids)
    mentions = dict(unread_mentions.order_by().values_list("recipient_id").annotate(n=Count("pk")))
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
