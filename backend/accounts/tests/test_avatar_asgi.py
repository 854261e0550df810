"""A picture through the whole ASGI stack: the body limit lets this one path take a picture."""

import io
import os

import httpx
import pytest
from asgiref.sync import sync_to_async
from PIL import Image

from backend.asgi import application
from backend.testing.api import token_of

pytestmark = pytest.mark.django_db(transaction=True)


def noisy_png(side: int = 220) -> bytes:
    out = io.BytesIO()
    Image.frombytes("RGB", (side, side), os.urandom(side * side * 3)).save(out, format="PNG")
    return out.getvalue()


async def put(token: str, data: bytes) -> httpx.Response:
    transport = httpx.ASGITransport(app=application)
    async with httpx.AsyncClient(transport=transport, base_url="http://localhost") as client:
        return await client.put(
            "/api/profile/avatar/",
            files={"file": ("me.png", data, "image/png")},
            headers={"Authorization": f"Token {token}"},
        )


async def test_a_picture_larger_than_an_api_body_is_taken(alice):
    token = await sync_to_async(token_of)(alice)
    picture = noisy_png()
    assert len(picture) > 64 * 1024  # what any other API path refuses
    response = await put(token, picture)
    assert response.status_code == 200 and response.json()["avatar_url"]


async def test_a_body_over_the_picture_limit_is_a_413(alice):
    token = await sync_to_async(token_of)(alice)
    response = await put(token, b"\x89PNG\r\n\x1a\n" + b"\x00" * (6 * 1024 * 1024))
    assert response.status_code == 413 and response.json()["detail"]
