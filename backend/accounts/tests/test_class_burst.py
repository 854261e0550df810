"""A class arriving at once on the embedded default (SQLite, one process): 40 people sign up, log
in, join one chat and post twice, all together. Nobody gets a 5xx, every message is stored
exactly once (issue 19). And a database locked past the limit is a 503 to retry, never a 500."""

import asyncio
import json
import sqlite3
import time
from collections import Counter

import httpx
import pytest
from websockets.asyncio.client import connect

from backend.testing.burst import POSTS_PER_CLIENT, class_burst, stored_texts
from backend.testing.servers import ORIGIN, auth, manage, project_env, server, sign_up

pytestmark = pytest.mark.slow

CLASS_SIZE = 40


def sqlite_env(tmp_path, **overrides):
    """The embedded default: SQLite in tmp_path, whatever DATABASE_URL this shell has."""
    env = project_env(tmp_path, MYCHAT_RATE_LIMITS="0", **overrides)
    env.pop("DATABASE_URL", None)
    manage(env, "migrate", "--noinput")
    return env


def test_a_class_of_40_arriving_at_once_all_get_in_and_every_message_is_stored_once(tmp_path):
    with server(sqlite_env(tmp_path), log=tmp_path / "server.log") as base:
        teacher = auth(sign_up(base, "teacher")[1])
        chat = httpx.post(f"{base}/api/chats/", headers=teacher, json={"title": "Lesson"}).json()
        uri = chat["uri"]

        burst = asyncio.run(class_burst(base, chat, CLASS_SIZE))
        stored = Counter(stored_texts(base, uri, teacher))

    assert [(c.step, c.status, c.detail[:200]) for c in burst.server_errors()] == []
    assert [(c.step, c.status, c.detail[:200]) for c in burst.failures()] == []
    expected = {f"pupil{i} says hello #{n + 1}" for i in range(CLASS_SIZE) for n in range(POSTS_PER_CLIENT)}
    assert set(burst.sent_texts) == expected
    assert stored == Counter(expected), "every message stored exactly once"
    assert "database is locked" not in (tmp_path / "server.log").read_text()


def test_a_database_locked_past_the_limit_is_a_503_to_retry_not_a_500(tmp_path):
    env = sqlite_env(tmp_path, MYCHAT_SQLITE_TIMEOUT="0.5", MYCHAT_BOT_EMBEDDED="0")
    with server(env, log=tmp_path / "server.log") as base:
        user_id, token = sign_up(base, "dana")
        headers = auth(token)
        uri = httpx.post(f"{base}/api/chats/", headers=headers).json()["uri"]
        post = {"url": f"{base}/api/chats/{uri}/messages/", "json": {"message": "hello"}}
        retry_key = {**headers, "Idempotency-Key": "first-try"}

        # Another process (a backup, a `manage.py` command) holds SQLite's write lock.
        other = sqlite3.connect(tmp_path / "mychat.sqlite3", isolation_level=None)
        other.execute("BEGIN IMMEDIATE")
        try:
            began = time.monotonic()
            busy = httpx.post(**post, headers=retry_key, timeout=30)
            waited = time.monotonic() - began
            frame = asyncio.run(post_over_socket(base, uri, token))
        finally:
            other.execute("ROLLBACK")
            other.close()

        assert busy.status_code == 503 and int(busy.headers["Retry-After"]) > 0
        assert "detail" in busy.json() and waited < 10
        assert frame["type"] == "error" and frame["retry_after"] > 0 and frame["idempotency_key"] == "socket-try"

        retried = httpx.post(**post, headers=retry_key, timeout=30)  # what the app's outbox does next
        assert retried.status_code == 201
        assert stored_texts(base, uri, headers) == ["hello"]


async def post_over_socket(base: str, uri: str, token: str) -> dict:
    url = base.replace("http://", "ws://") + f"/ws/chats/{uri}/?token={token}"
    async with connect(url, origin=ORIGIN) as socket:
        await socket.send(json.dumps({"type": "message", "message": "hi", "idempotency_key": "socket-try"}))
        return json.loads(await asyncio.wait_for(socket.recv(), 30))
