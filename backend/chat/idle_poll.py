"""The idle poll's lean lane: an ASGI middleware that answers 304 with one SQL query, before Django.

Every open tab polls twice a second and nearly every poll finds nothing new. The full DRF path
costs milliseconds; this costs one indexed query. It only ever answers 304, and only when the
token is valid, its user active, the user a member of the session and the client's ETag current:
the very same checks as the full view. Anything else (a new message, a bad token, a non-member,
an unknown URI, a malformed query, a database hiccup) falls through to the full view, which
gives the complete answer.
"""
import asyncio
import re
from concurrent.futures import ThreadPoolExecutor
from urllib.parse import parse_qsl

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import DatabaseError, connection
from rest_framework.authtoken.models import Token

from .models import ChatSession, Membership
from .paging import etag_matches, page_etag, parse_page_query

MESSAGES_PATH = re.compile(r"^/api/chats/(?P<uri>[A-Za-z0-9_-]{1,32})/messages/$")
TOKEN_HEADER = re.compile(rb"^Token ([0-9a-f]{40})$")


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


# Two threads of the lane's own, each keeping its database connection open: the query takes tens
# of microseconds, and a couple of threads contend far less for the GIL than the loop's default
# pool (bench/polling.py, 1,000 tabs on one process: p99 about 150 ms with that pool, 40 ms with this).
_lane_threads = ThreadPoolExecutor(max_workers=2, thread_name_prefix="idle-poll")


async def _member_last_seq(uri: str, token_key: str) -> int | None:
    return await asyncio.get_running_loop().run_in_executor(_lane_threads, member_last_seq, uri, token_key)


class IdlePollShortcut:
    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] == "http" and scope["method"] == "GET":
            match = MESSAGES_PATH.match(scope["path"])
            if match and await self._answered_not_modified(match["uri"], scope, send):
                return
        await self.app(scope, receive, send)

    async def _answered_not_modified(self, uri, scope, send) -> bool:
        headers = dict(scope["headers"])
        if_none_match = headers.get(b"if-none-match")
        token = TOKEN_HEADER.match(headers.get(b"authorization", b""))
        if not (if_none_match and token) or b"origin" in headers:
            return False  # cross-origin callers need the CORS headers only the full stack adds
        try:
            query = parse_page_query(dict(parse_qsl(scope["query_string"].decode("latin-1"), keep_blank_values=True)))
        except ValidationError:
            return False
        last_seq = await _member_last_seq(uri, token[1].decode())
        if last_seq is None:
            return False
        etag = page_etag(last_seq=last_seq, query=query)
        if not etag_matches(if_none_match.decode("latin-1"), etag):
            return False
        await send(
            {
                "type": "http.response.start",
                "status": 304,
                "headers": [
                    (b"etag", etag.encode()),
                    (b"cache-control", b"private, no-cache"),
                    (b"vary", b"Authorization"),
                ],
            }
        )
        await send({"type": "http.response.body", "body": b""})
        return True
