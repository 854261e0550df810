"""Hostile or careless input is a clear 400 (a JSON object saying why), never a 500, on SQLite and on
PostgreSQL; over a socket it is an error frame and the socket stays open.

Against real uvicorn processes, as a client sends it: raw bytes, chunked bodies, socket frames.
"""

import asyncio
import contextlib
import json
import tempfile
from pathlib import Path

import httpx
import pytest
from websockets.asyncio.client import connect
from websockets.exceptions import InvalidStatus

from backend.testing.servers import ORIGIN, PASSWORD, auth, manage, postgres_database, project_env, server, sign_up

pytestmark = [pytest.mark.slow]
RECEIVE_TIMEOUT = 5
DEEP = 1200


@pytest.fixture(scope="module", params=["sqlite", "postgres"])
def live(request):
    """A server on SQLite or on PostgreSQL, with Ann's chat: (url, token, uri)."""
    var_dir = Path(tempfile.mkdtemp(prefix="mychat-bad-input-"))
    with contextlib.ExitStack() as stack:
        overrides = {}
        if request.param == "postgres":
            overrides["DATABASE_URL"] = stack.enter_context(postgres_database())
        env = project_env(var_dir, **overrides)
        manage(env, "migrate", "--noinput")
        url = stack.enter_context(server(env, log=var_dir / "server.log"))
        token = sign_up(url, "ann")[1]
        uri = httpx.post(f"{url}/api/chats/", json={"title": "Input"}, headers=auth(token)).json()["uri"]
        yield url, token, uri
        assert " 500 " not in (var_dir / "server.log").read_text()


def send(url: str, path: str, body: bytes, token: str | None = None, method: str = "POST") -> httpx.Response:
    headers = {"Content-Type": "application/json", **(auth(token) if token else {})}
    return httpx.request(method, url + path, content=body, headers=headers, timeout=30)


def assert_clear_400(response: httpx.Response) -> None:
    assert response.status_code == 400, (response.status_code, response.text[:300])
    assert isinstance(response.json(), dict) and response.json()


def deep(levels: int, inner: str = "1") -> str:
    return "[" * levels + inner + "]" * levels


def bodies_for(uri: str) -> dict[str, str]:
    """Each endpoint that takes a JSON object, and where its text goes."""
    return {
        "message": f"/api/chats/{uri}/messages/",
        "title": "/api/chats/",
        "login": "/auth/token/login/",
        "sign-up": "/auth/users/",
    }


@pytest.mark.parametrize("endpoint", ["message", "title", "login", "sign-up"])
def test_json_nested_a_thousand_levels_is_a_400(live, endpoint):
    url, token, uri = live
    path = bodies_for(uri)[endpoint]
    value = deep(DEEP)
    as_value = f'{{"message": {value}, "title": {value}, "username": {value}, "password": "x"}}'
    assert_clear_400(send(url, path, as_value.encode(), token))
    assert_clear_400(send(url, path, deep(DEEP).encode(), token))


@pytest.mark.parametrize(
    "endpoint, body",
    [
        ("message", {"message": "hi \\ud800"}),
        ("title", {"title": "\\udfff team"}),
        ("sign-up", {"username": "eve\\ud800", "password": PASSWORD}),
        ("sign-up", {"username": "eve", "password": "\\ud800" + PASSWORD}),
        ("login", {"username": "ann\\ud800", "password": PASSWORD}),
        ("login", {"username": "ann", "password": PASSWORD + "\\udc00"}),
    ],
)
def test_a_lone_surrogate_is_a_400(live, endpoint, body):
    url, token, uri = live
    raw = json.dumps(body).replace("\\\\u", "\\u")  # the escape itself, as a client would send it
    assert_clear_400(send(url, bodies_for(uri)[endpoint], raw.encode(), token))


@pytest.mark.parametrize(
    "endpoint, body",
    [
        ("message", {"message": "a\x00b"}),
        ("title", {"title": "nul\x00"}),
        ("sign-up", {"username": "eve\x00", "password": PASSWORD}),
        ("login", {"username": "ann\x00", "password": PASSWORD}),
        ("login", {"username": "ann", "password": PASSWORD + "\x00"}),
    ],
)
def test_a_nul_character_is_a_400(live, endpoint, body):
    url, token, uri = live
    assert_clear_400(send(url, bodies_for(uri)[endpoint], json.dumps(body).encode(), token))


def test_a_nul_in_a_chat_uri_is_a_404(live):
    url, token, _ = live
    response = httpx.get(f"{url}/api/chats/ab%00c/messages/", headers=auth(token))
    assert response.status_code == 404 and response.json()


@pytest.mark.parametrize("body", [b"[]", b'"x"', b"1", b"null", b"true", b"[{}]"])
@pytest.mark.parametrize("endpoint", ["message", "title", "login", "sign-up"])
def test_a_body_that_is_not_an_object_is_a_400(live, endpoint, body):
    url, token, uri = live
    assert_clear_400(send(url, bodies_for(uri)[endpoint], body, token))


def test_a_chunked_body_is_read(live):
    url, token, uri = live

    def chunks(data: bytes):
        yield data[:5]
        yield data[5:]

    created = httpx.post(
        f"{url}/api/chats/",
        content=chunks(b'{"title": "Chunked"}'),
        headers={"Content-Type": "application/json", **auth(token)},
    )
    assert created.status_code == 201 and created.json()["title"] == "Chunked"
    posted = httpx.post(
        f"{url}/api/chats/{uri}/messages/",
        content=chunks(b'{"message": "sent in chunks"}'),
        headers={"Content-Type": "application/json", **auth(token)},
    )
    assert posted.status_code == 201 and posted.json()["message"] == "sent in chunks"


def socket_url(url: str, uri: str, token: str) -> str:
    return url.replace("http://", "ws://") + f"/ws/chats/{uri}/?token={token}"


async def next_frame(socket) -> dict:
    return json.loads(await asyncio.wait_for(socket.recv(), RECEIVE_TIMEOUT))


@pytest.mark.parametrize(
    "frame",
    [
        '{"type": "message", "message": "hi \\ud800"}',
        '{"type": "message", "message": "a\\u0000b"}',
        '{"type": "message", "message": "x", "idempotency_key": "k\\u0000"}',
        '{"type": "message\\u0000", "message": "x"}',
        '{"type": "message", "message": ' + deep(DEEP) + "}",
        deep(DEEP),
    ],
    ids=["lone surrogate", "NUL in text", "NUL in key", "NUL in type", "deep value", "deep frame"],
)
async def test_a_hostile_frame_gets_an_error_frame_and_the_socket_stays_open(live, frame):
    url, token, uri = live
    async with connect(socket_url(url, uri, token), origin=ORIGIN) as socket:
        await socket.send(frame)
        error = await next_frame(socket)
        assert error["type"] == "error" and "try again" not in error["detail"].lower()
        await socket.send('{"type": "ping"}')
        assert await next_frame(socket) == {"type": "pong"}


@pytest.mark.parametrize("token", ["abc\x00def", "\x00" * 40, "%00"])
async def test_a_nul_in_a_socket_token_is_refused_as_unauthenticated(live, token):
    url, _, uri = live
    try:
        async with connect(socket_url(url, uri, token.replace("\x00", "%00")), origin=ORIGIN) as socket:
            with pytest.raises(Exception) as closed:
                await next_frame(socket)
    except InvalidStatus as refused:  # a 500 on the handshake
        pytest.fail(f"handshake refused with HTTP {refused.response.status_code}")
    assert closed.value.rcvd.code == 4401
