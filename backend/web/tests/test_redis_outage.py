"""Redis down is a degraded server, not a broken one: posting, logging in and opening a socket still
work (rate limits count per process, pushes reach the process's own sockets), /healthz says
"degraded", and once Redis is back no push is lost: sockets reconnect and catch up.

Real uvicorn processes; one test points REDIS_URL at a closed port, the other runs a redis-server
of its own that it kills and starts again.
"""

import asyncio
import contextlib
import json
import shutil
import subprocess
import time

import httpx
import pytest
from websockets.asyncio.client import connect

from backend.testing.servers import ORIGIN, auth, free_port, manage, project_env, require, server, sign_up, wait_until

pytestmark = [pytest.mark.slow]
RECEIVE_TIMEOUT = 5
SERVICE_RESTART = 1012
BACK = "backend.web.channel_layer: Redis is reachable again"


@contextlib.contextmanager
def redis_server(port: int):
    if not shutil.which("redis-server"):
        require("redis-server", "not installed")
    process = subprocess.Popen(
        ["redis-server", "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        import redis

        def answers() -> bool:
            try:
                return redis.Redis(port=port, socket_connect_timeout=0.2).ping()
            except redis.RedisError:
                return False

        wait_until(answers, 10, "redis-server to start")
        yield process
    finally:
        process.kill()
        process.wait()


async def next_message(socket) -> str:
    """The text of the next message pushed, skipping other frames."""
    while True:
        frame = json.loads(await asyncio.wait_for(socket.recv(), RECEIVE_TIMEOUT))
        if frame["type"] == "message":
            return frame["message"]["message"]


class Chat:
    def __init__(self, url: str):
        self.url = url
        self.token = sign_up(url, "ann")[1]
        self.uri = httpx.post(f"{url}/api/chats/", json={"title": "Outage"}, headers=auth(self.token)).json()["uri"]

    def post(self, text: str) -> int:
        response = httpx.post(
            f"{self.url}/api/chats/{self.uri}/messages/", json={"message": text}, headers=auth(self.token), timeout=10
        )
        return response.status_code

    def socket(self):
        path = f"/ws/chats/{self.uri}/?token={self.token}"
        return connect(self.url.replace("http://", "ws://") + path, origin=ORIGIN)


def test_with_redis_unreachable_posting_logging_in_and_sockets_still_work(tmp_path):
    closed = f"redis://127.0.0.1:{free_port()}"  # nothing listens there
    env = project_env(tmp_path, REDIS_URL=closed, MYCHAT_RATE_LIMITS="1", MYCHAT_LOGIN_RATE="3/min")
    manage(env, "migrate", "--noinput")
    log = tmp_path / "server.log"
    with server(env, log=log) as url:
        chat = Chat(url)  # signs up and logs in: both throttled, both through the cache

        async def scenario():
            async with chat.socket() as socket:
                assert await asyncio.to_thread(chat.post, "still here") == 201
                assert await next_message(socket) == "still here"  # pushed to this process's sockets

        asyncio.run(scenario())
        logins = [
            httpx.post(f"{url}/auth/token/login/", json={"username": "ann", "password": "wrong"}).status_code
            for _ in range(4)
        ]
        health = httpx.get(f"{url}/healthz")
    assert logins == [400, 400, 429, 429]  # the login limit still holds, counted in this process
    assert health.status_code == 200
    assert health.json() == {"status": "degraded", "database": "ok", "redis": "unreachable"}
    text = log.read_text()
    assert " 500 " not in text and "Traceback" not in text
    assert text.count("backend.web.fallback_cache: Redis is unreachable") == 1  # once, not per request
    assert text.count("backend.web.channel_layer: Redis is unreachable") == 1


def test_after_redis_comes_back_no_push_is_lost_and_sockets_open(tmp_path):
    port = free_port()
    env = project_env(tmp_path, REDIS_URL=f"redis://127.0.0.1:{port}", MYCHAT_RATE_LIMITS="1")
    manage(env, "migrate", "--noinput")
    log = tmp_path / "server.log"
    with redis_server(port) as first_redis, server(env, log=log) as url:
        chat = Chat(url)

        async def scenario():
            async with chat.socket() as socket:
                assert await asyncio.to_thread(chat.post, "before") == 201
                assert await next_message(socket) == "before"

                # A quick restart: Redis forgets every subscription; the very next push is not lost.
                first_redis.kill()
                first_redis.wait()
                with redis_server(port):
                    assert await asyncio.to_thread(chat.post, "right after the restart") == 201
                    assert await next_message(socket) == "right after the restart"
                    # Pushes from other processes may have been lost: the socket is told to reconnect.
                    with pytest.raises(Exception) as closed:
                        await next_message(socket)
                    assert getattr(closed.value, "rcvd", None) and closed.value.rcvd.code == SERVICE_RESTART

            # A longer outage: sockets open meanwhile, and hear pushes again once Redis is back.
            async with chat.socket() as during:
                assert await asyncio.to_thread(chat.post, "during the outage") == 201
                assert await next_message(during) == "during the outage"
                recoveries = log.read_text().count(BACK)
                with redis_server(port):
                    await asyncio.to_thread(
                        wait_until, lambda: log.read_text().count(BACK) > recoveries, 10, "recovery"
                    )
                    async with chat.socket() as after:
                        assert await asyncio.to_thread(chat.post, "after the outage") == 201
                        assert await next_message(after) == "after the outage"

        asyncio.run(scenario())
        time.sleep(0.2)
    text = log.read_text()
    assert " 500 " not in text and "Traceback" not in text, text[-3000:]
