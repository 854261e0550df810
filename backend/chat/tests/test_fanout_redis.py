"""One deployment, two processes: a socket on one server hears what was posted through the other.

Runs two real uvicorn processes (backend.asgi:application) on a throwaway PostgreSQL database and
the machine's Redis. Skips, saying why, when either is missing; with CI set it fails instead.
"""

import asyncio
import contextlib
import json

import httpx
import pytest
from django.apps import apps
from websockets.asyncio.client import connect

from backend.testing.servers import ORIGIN, auth, cluster, join_chat, sign_up

pytestmark = [pytest.mark.postgres, pytest.mark.redis, pytest.mark.slow]
RECEIVE_TIMEOUT = 10


@pytest.fixture(scope="module")
def servers():
    with cluster(2) as live:
        yield live


@pytest.fixture(scope="module")
def room(servers):
    """Alice's chat, with Bob in it; users signed up through server 0."""
    first = servers.urls[0]
    alice_id, alice = sign_up(first, "alice")
    bob_id, bob = sign_up(first, "bob")
    uri = httpx.post(f"{first}/api/chats/", json={"title": "Across"}, headers=auth(alice)).json()["uri"]
    join_chat(first, uri, owner=auth(alice), joiner=auth(bob))
    return {"uri": uri, "alice": alice, "bob": bob, "bob_id": bob_id, "alice_id": alice_id}


def post(url: str, token: str, uri: str, text: str) -> dict:
    response = httpx.post(f"{url}/api/chats/{uri}/messages/", json={"message": text}, headers=auth(token))
    assert response.status_code == 201, response.text
    return response.json()


async def next_frame(socket, kind: str = "message") -> dict:
    while True:
        frame = json.loads(await asyncio.wait_for(socket.recv(), RECEIVE_TIMEOUT))
        if frame["type"] == kind:
            return frame[kind]


def chat_socket(servers, index: int, uri: str, token: str):
    return connect(servers.ws_url(index, f"/ws/chats/{uri}/?token={token}"), origin=ORIGIN)


async def test_a_socket_on_one_process_hears_a_post_through_the_other(servers, room):
    async with chat_socket(servers, 1, room["uri"], room["bob"]) as socket:
        sent = await asyncio.to_thread(post, servers.urls[0], room["alice"], room["uri"], "across processes")
        assert await next_frame(socket) == sent


async def test_a_post_over_a_socket_reaches_sockets_on_the_other_process(servers, room):
    async with (
        chat_socket(servers, 0, room["uri"], room["alice"]) as alices,
        chat_socket(servers, 1, room["uri"], room["bob"]) as bobs,
    ):
        await alices.send(json.dumps({"type": "message", "message": "typed into a socket"}))
        heard = await next_frame(bobs)
        assert heard["message"] == "typed into a socket" and heard["user"]["username"] == "alice"
        assert await next_frame(alices) == heard


async def test_the_bots_reply_reaches_a_socket_on_the_other_process(servers, room):
    if not apps.is_installed("backend.autoreply"):
        pytest.skip("the bot (backend.autoreply) is not installed yet: nothing answers /help")
    async with chat_socket(servers, 1, room["uri"], room["bob"]) as socket:
        asked = await asyncio.to_thread(post, servers.urls[0], room["alice"], room["uri"], "/help")
        assert await next_frame(socket) == asked
        reply = await next_frame(socket)
        assert reply["is_bot"] is True and reply["seq"] == asked["seq"] + 1 and "/help" in reply["message"]


async def test_a_mention_notifies_every_socket_of_the_user_on_any_process(servers, room):
    async with (
        connect(servers.ws_url(0, f"/ws/notifications/?token={room['bob']}"), origin=ORIGIN) as on_first,
        connect(servers.ws_url(1, f"/ws/notifications/?token={room['bob']}"), origin=ORIGIN) as on_second,
    ):
        await asyncio.to_thread(post, servers.urls[0], room["alice"], room["uri"], "@bob over here")
        first, second = await next_frame(on_first, "notification"), await next_frame(on_second, "notification")
        assert first == second
        assert first["kind"] == "mention" and first["actor"]["username"] == "alice" and first["session"] == room["uri"]


async def test_close_codes_come_through_a_real_server(servers, room):
    for query, code in ((f"token={'f' * 40}", 4401), (f"token={room['bob']}", 4404)):
        async with connect(servers.ws_url(1, f"/ws/chats/nosuchchat/?{query}"), origin=ORIGIN) as socket:
            with pytest.raises(Exception) as closed:
                await asyncio.wait_for(socket.recv(), RECEIVE_TIMEOUT)
            assert socket.close_code == code, closed.value


async def test_the_server_survives_clients_that_vanish_mid_send(servers, room):
    """Sockets dropped without a closing handshake while pushes are in flight cost nobody else."""
    vanishing = [await chat_socket(servers, 1, room["uri"], room["bob"]) for _ in range(5)]
    async with chat_socket(servers, 1, room["uri"], room["alice"]) as survivor:
        posting = asyncio.create_task(
            asyncio.to_thread(
                lambda: [post(servers.urls[0], room["alice"], room["uri"], f"burst {n}") for n in range(20)]
            )
        )
        await asyncio.sleep(0.05)
        for socket in vanishing:
            socket.transport.abort()  # no close frame: the client just disappears
        sent = await posting
        heard = [await next_frame(survivor) for _ in sent]
        assert [m["seq"] for m in heard] == [m["seq"] for m in sent]
    assert httpx.get(f"{servers.urls[1]}/healthz").status_code == 200
    assert "Traceback" not in servers.log_text()


async def test_tokens_never_reach_the_server_logs(servers, room):
    async with chat_socket(servers, 0, room["uri"], room["alice"]) as socket:
        await socket.send(json.dumps({"type": "ping"}))
        assert json.loads(await socket.recv()) == {"type": "pong"}
    with contextlib.suppress(httpx.HTTPError):  # a plain GET of a socket URL lands in the access log
        await asyncio.to_thread(httpx.get, f"{servers.urls[0]}/ws/chats/{room['uri']}/?token={room['alice']}")
    logs = servers.log_text()
    assert '"WebSocket /ws/chats/' in logs and "token=[redacted]" in logs
    assert room["alice"] not in logs and room["bob"] not in logs
