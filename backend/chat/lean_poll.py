"""The idle poll's lean lane: a 304 for a current ETag, with one SQL query and no DRF.

It only ever answers 304, and only when the token is valid, its user active, the user a member
of the session and the client's ETag current: the very same checks as the full view. Anything
else (news, a bad token, a non-member, an unknown URI, a malformed query, a database hiccup)
falls through to the full view.
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

MESSAGES_PATH = re.compile(r"^/api/chats/(?P<uri>[A-Za-z0-9_-]{1,32})/messages/$")


def _last_seq_sql() -> str:
    user = get_user_model()._meta
    return (
        f"SELECT s.last_seq FROM {ChatSession._meta.db_table} s"
        f" JOIN {Membership._meta.db_table} m ON m.session_id = s.id"
        f" JOIN {Token._meta.db_table} t ON t.user_id = m.user_id"
        f" JOIN {user.db_table} u ON u.{user.pk.column} = t.user_id"
        " WHERE s.uri = %s AND t.key = %s AND u.is_active"
    )


LAST_SEQ_SQL = _last_seq_sql()


def member_last_seq(uri: str, token_key: str) -> int | None:
    """The session's last seq if the token's active user is a member, else None. One query."""
    try:
        with connection.cursor() as cursor:
            cursor.execute(LAST_SEQ_SQL, [uri, token_key])
            row = cursor.fetchone()
    except DatabaseError:
        connection.close()  # a dropped connection reconnects on the next call; the full view answers this one
        return None
    return row[0] if row else None


async def not_modified(request: LaneRequest) -> LaneResponse | None:
    if_none_match = request.headers.get(b"if-none-match")
    token = request.token()
    if not (if_none_match and token):
        return None
    try:
        query = parse_page_query(dict(parse_qsl(request.query_string, keep_blank_values=True)))
    except ValidationError:
        return None
    last_seq = await run_in_lane(member_last_seq, request.match["uri"], token)
    if last_seq is None:
        return None
    etag = page_etag(last_seq=last_seq, query=query)
    if not etag_matches(if_none_match.decode("latin-1"), etag):
        return None
    headers = [(b"etag", etag.encode()), (b"cache-control", b"private, no-cache"), (b"vary", b"Authorization")]
    return LaneResponse(304, headers)


LANES = [(MESSAGES_PATH, not_modified)]
