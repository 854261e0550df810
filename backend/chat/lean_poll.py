"""The idle poll's lean lane: one SQL query and no DRF for a poll that brings nothing new.

It answers only when the token is valid, its user active and the user a member of the session
(the very same checks as the full view), and only a poll whose answer it knows without reading
a message: a 304 when the client's ETag is current, and the empty page of a `since=<rev>` poll
whose cursor is current (the poll right after news, which has no ETag for its new URL yet).
Anything else (news, a bad token, a non-member, an unknown URI, a malformed query, a database
hiccup) falls through to the full view.
"""

import re
from urllib.parse import parse_qsl

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import DatabaseError, connection
from rest_framework.authtoken.models import Token

from backend.web.lanes import LaneRequest, LaneResponse, run_in_lane

from .models import ChatSession, Membership
from .paging import etag_matches, page_etag, parse_page_query
from .rendering import page_json

MESSAGES_PATH = re.compile(r"^/api/chats/(?P<uri>[A-Za-z0-9_-]{1,32})/messages/$")


def _counters_sql() -> str:
    user = get_user_model()._meta
    return (
        f"SELECT s.rev, s.last_seq FROM {ChatSession._meta.db_table} s"
        f" JOIN {Membership._meta.db_table} m ON m.session_id = s.id"
        f" JOIN {Token._meta.db_table} t ON t.user_id = m.user_id"
        f" JOIN {user.db_table} u ON u.{user.pk.column} = t.user_id"
        " WHERE s.uri = %s AND t.key = %s AND u.is_active"
    )


COUNTERS_SQL = _counters_sql()


def member_counters(uri: str, token_key: str) -> tuple[int, int] | None:
    """The session's (rev, last_seq) if the token's active user is a member, else None. One query."""
    try:
        with connection.cursor() as cursor:
            cursor.execute(COUNTERS_SQL, [uri, token_key])
            row = cursor.fetchone()
    except DatabaseError:
        connection.close()  # a dropped connection reconnects on the next call; the full view answers this one
        return None
    return (row[0], row[1]) if row else None


async def nothing_new(request: LaneRequest) -> LaneResponse | None:
    if_none_match = request.headers.get(b"if-none-match")
    token = request.token()
    if not token:
        return None
    try:
        query = parse_page_query(dict(parse_qsl(request.query_string, keep_blank_values=True)))
    except ValidationError:
        return None
    if not if_none_match and query.since is None:
        return None  # only a conditional request or a live cursor can be answered without the messages
    uri = request.match["uri"]
    counters = await run_in_lane(member_counters, uri, token)
    if counters is None:
        return None
    rev, last_seq = counters
    etag = page_etag(rev=rev, query=query)
    headers = [(b"etag", etag.encode()), (b"cache-control", b"private, no-cache"), (b"vary", b"Authorization")]
    if if_none_match and etag_matches(if_none_match.decode("latin-1"), etag):
        return LaneResponse(304, headers)
    if query.since is not None and query.since >= rev:
        body = page_json(uri=uri, messages=[], rev=rev, last_seq=last_seq, has_more=False)
        headers += [(b"content-type", b"application/json"), (b"x-content-type-options", b"nosniff")]
        return LaneResponse(200, headers, body)
    return None


LANES = [(MESSAGES_PATH, nothing_new)]
