"""An oversized body is refused with 413 before Django reads it, declared or streamed."""

import httpx
import pytest
from asgiref.sync import sync_to_async
from django.conf import settings

from backend.asgi import application
from backend.testing.api import token_of

pytestmark = pytest.mark.django_db(transaction=True)


async def send(path: str, content, headers: dict | None = None) -> httpx.Response:
    transport = httpx.ASGITransport(app=application)
    async with httpx.AsyncClient(transport=transport, base_url="http://localhost") as client:
        return await client.post(path, content=content, headers={"Content-Type": "application/json", **(headers or {})})


async def test_a_declared_oversized_body_is_413_even_before_authentication(chat):
    response = await send(f"/api/chats/{chat}/messages/", b"x" * (settings.DATA_UPLOAD_MAX_MEMORY_SIZE + 1))
    assert response.status_code == 413 and "limit" in response.json()["detail"]


async def test_a_streamed_body_without_a_length_is_cut_off_at_the_limit(chat):
    sent = []

    async def chunks():
        for _ in range(1000):  # 64 MiB if nobody stopped reading
            sent.append(1)
            yield b"x" * 65536

    response = await send(f"/api/chats/{chat}/messages/", chunks())
    assert response.status_code == 413
    assert len(sent) < 5


async def test_a_length_and_chunked_framing_together_are_refused(chat):
    """Content-Length with Transfer-Encoding: servers disagree on which frames the body (h11
    trusts the length), so the limit could be dodged: refused whatever it declares."""
    headers = {"Content-Length": "10", "Transfer-Encoding": "chunked"}
    response = await send(f"/api/chats/{chat}/messages/", b"x" * 10, headers)
    assert response.status_code == 400 and response.json()["detail"]


async def test_a_body_within_the_limit_reaches_the_view_intact(chat, alice):
    token = await sync_to_async(token_of)(alice)
    response = await send(
        f"/api/chats/{chat}/messages/", b'{"message": "' + b"y" * 2000 + b'"}', {"Authorization": f"Token {token}"}
    )
    assert response.status_code == 201 and response.json()["message"] == "y" * 2000


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("ja", "リクエストの本文が大きすぎます"),
        ("zh-TW", "請求內容太大"),
        ("ko-KR", "요청 본문이 너무 큽니다"),
        ("fr", "Request body too large"),
    ],
)
async def test_the_refusal_is_in_the_client_s_language_though_it_comes_before_django(chat, language, expected):
    body = b"x" * (settings.DATA_UPLOAD_MAX_MEMORY_SIZE + 1)
    response = await send(f"/api/chats/{chat}/messages/", body, {"Accept-Language": language})
    assert response.status_code == 413 and response.json()["detail"].startswith(expected)
