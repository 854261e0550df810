"""The poll's lean lane: the live cursor served with one or two SQL queries and no DRF.

It answers only when the token is valid, its user active and the user a member of the session
(the very same checks as the full view, in one query), and only what it can answer exactly as
the full view would: a 304 when the client's ETag is current; the empty page of a `since=<rev>`
poll whose cursor is current (the poll right after news, which has no ETag for its new URL yet);
and a `since=` page of changes, its message JSON rendered once per change and process
(rendering.py) and spliced as the full view splices it. Anything else (a history page, a bad
token, a non-member, an unknown URI, a malformed query, a database hiccup) falls through to the
full view.
"""

import re
from dataclasses import dataclass
from urllib.parse import parse_qsl

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import DatabaseError, connection

from backend.accounts.models import DeviceToken, Profile
from backend.web.lanes import LaneRequest, LaneResponse, run_in_lane

from .chat_list import list_etag_for_token
from .models import ChatSession, Membership, Message
from .paging import PageQuery, etag_matches, page_etag, parse_page_query
from .rendering import RenderKey, changes_json, page_json

MESSAGES_PATH = re.compile(r"^/api/chats/(?P<uri>[A-Za-z0-9_-]{1,32})/messages/$")


def _counters_sql() -> str:
    user = get_user_model()._meta
    return (
        f"SELECT s.id, s.rev, s.last_seq FROM {ChatSession._meta.db_table} s"
        f" JOIN {Membership._meta.db_table} m ON m.session_id = s.id"
        f" JOIN {DeviceToken._meta.db_table} t ON t.user_id = m.user_id"
        f" JOIN {user.db_table} u ON u.{user.pk.column} = t.user_id"
        " WHERE s.uri = %s AND t.key = %s AND u.is_active"
    )


COUNTERS_SQL = _counters_sql()


def _changes_sql() -> str:
    # The page of changes first, then the people of just those rows: joined before the LIMIT,
    # PostgreSQL may hash every message of the table to find the quoted ones (7 ms instead of 1 ms
    # for a page of 200 in a chat of 20,000 messages).
    messages, profiles = Message._meta.db_table, Profile._meta.db_table
    return (
        "SELECT c.id, c.rev, COALESCE(p.version, 0), COALESCE(q.version, 0) FROM"
        f" (SELECT id, rev, user_id, reply_to_id FROM {messages}"
        "  WHERE session_id = %s AND rev > %s ORDER BY rev LIMIT %s) c"
        f" LEFT JOIN {profiles} p ON p.user_id = c.user_id"
        f" LEFT JOIN {messages} r ON r.id = c.reply_to_id LEFT JOIN {profiles} q ON q.user_id = r.user_id"
        " ORDER BY c.rev"
    )


# The same rows as the full view's `since=` read (selectors.message_page), as the keys of their
# rendered JSON only (rendering.RenderKey: id, rev, and the versions of the people they show).
CHANGES_SQL = _changes_sql()


@dataclass(frozen=True)
class Counters:
    session_id: int
    rev: int
    last_seq: int


def member_counters(uri: str, token_key: str) -> Counters | None:
    """The session's counters if the token's active user is a member, else None. One query."""
    try:
        with connection.cursor() as cursor:
            cursor.execute(COUNTERS_SQL, [uri, token_key])
            row = cursor.fetchone()
    except DatabaseError:
        connection.close()  # a dropped connection reconnects on the next call; the full view answers this one
        return None
    return Counters(*row) if row else None


def changed_after(session_id: int, since: int, limit: int) -> list[RenderKey] | None:
    """The render keys of up to `limit` + 1 messages changed after `since`, in rev order. One query."""
    try:
        with connection.cursor() as cursor:
            cursor.execute(CHANGES_SQL, [session_id, since, limit + 1])
            return [tuple(row) for row in cursor.fetchall()]
    except DatabaseError:
        connection.close()
        return None


@dataclass(frozen=True)
class Changes:
    revs: list[tuple[int, int]]  # (id, rev) of up to limit + 1 changes, in rev order
    messages: list[bytes] | None  # the JSON of the first `limit` of them, if the lane can serve it


def read(uri: str, token_key: str, query: PageQuery) -> tuple[Counters, Changes | None] | None:
    """On a lane thread: the counters, then (for a `since=` poll with news) what changed, with its
    JSON (rendered once per process: rendering.changes_json)."""
    counters = member_counters(uri, token_key)
    if counters is None or query.since is None or query.since >= counters.rev:
        return counters and (counters, Changes([], []))
    keys = changed_after(counters.session_id, query.since, query.limit)
    if keys is None:
        return counters, None
    try:
        messages = changes_json(keys[: query.limit])
    except DatabaseError:
        connection.close()
        messages = None
    return counters, Changes([(key[0], key[1]) for key in keys], messages)


async def poll(request: LaneRequest) -> LaneResponse | None:
    if_none_match = request.headers.get(b"if-none-match")
    token = request.token()
    if not token:
        return None
    try:
        query = parse_page_query(dict(parse_qsl(request.query_string, keep_blank_values=True)))
    except ValidationError:
        return None
    if not if_none_match and query.since is None:
        return None  # only a conditional request or a live cursor can be answered without reading history
    uri = request.match["uri"]
    found = await run_in_lane(read, uri, token, query)
    if found is None:
        return None
    counters, changes = found
    headers = [(b"cache-control", b"private, no-store"), (b"vary", b"Authorization")]
    etag = page_etag(rev=counters.rev, query=query)
    if if_none_match and etag_matches(if_none_match.decode("latin-1"), etag):
        return LaneResponse(304, [(b"etag", etag.encode()), *headers])
    if query.since is None or changes is None or changes.messages is None:
        return None
    messages, changes = changes.messages, changes.revs
    has_more = len(changes) > query.limit
    newest = max([counters.rev, *(rev for _, rev in changes)])
    cursor = changes[query.limit - 1][1] if has_more else newest
    body = page_json(uri=uri, messages=messages, rev=cursor, last_seq=counters.last_seq, has_more=has_more)
    etag = page_etag(rev=newest, query=query)
    headers += [
        (b"etag", etag.encode()),
        (b"content-type", b"application/json"),
        (b"x-content-type-options", b"nosniff"),
    ]
    return LaneResponse(200, headers, body)


CHATS_PATH = re.compile(r"^/api/chats/$")


async def chat_list_poll(request: LaneRequest) -> LaneResponse | None:
    """The chat list's idle poll: a 304 from one query when the client's ETag is current."""
    if_none_match = request.headers.get(b"if-none-match")
    token = request.token()
    if not if_none_match or not token:
        return None
    etag = await run_in_lane(list_etag_for_token, token)
    if etag is None or not etag_matches(if_none_match.decode("latin-1"), etag):
        return None
    headers = [(b"etag", etag.encode()), (b"cache-control", b"private, no-store"), (b"vary", b"Authorization")]
    return LaneResponse(304, headers)


LANES = [(MESSAGES_PATH, poll), (CHATS_PATH, chat_list_poll)]
