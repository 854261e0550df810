"""Across processes: signing a device out on one server closes its sockets on the other, through
Redis, and leaves the other devices' sockets open. Two real uvicorn processes, a throwaway
PostgreSQL database and the machine's Redis (skips without them; fails under CI)."""

import asyncio

import httpx
import pytest
from websockets.asyncio.client import connect
from websockets.exceptions import ConnectionClosed

from backend.testing.servers import ORIGIN, PASSWORD, auth, cluster, sign_up

pytestmark = [pytest.mark.postgres, pytest.mark.redis, pytest.mark.slow]
TIMEOUT = 10


@pytest.fixture(scope="module")
def servers():
    with cluster(2) as live:
        yield live


def log_in(url: str, username: str, user_agent: str) -> str:
    response = httpx.post(
        f"{url}/auth/token/login/",
        json={"username": username, "password": PASSWORD},
        headers={"User-Agent": user_agent},
    )
    response.raise_for_status()
    return response.json()["auth_token"]


async def closed_with(socket) -> int | None:
    try:
        while True:
            await asyncio.wait_for(socket.recv(), TIMEOUT)
    except ConnectionClosed:
        return socket.close_code


async def pong(socket) -> bool:
    await socket.send('{"type": "ping"}')
    return await asyncio.wait_for(socket.recv(), TIMEOUT) == '{"type": "pong"}'


def notifications(servers, index: int, token: str):
    return connect(servers.ws_url(index, f"/ws/notifications/?token={token}"), origin=ORIGIN)


async def test_signing_a_device_out_closes_its_sockets_on_the_other_process(servers):
    first, _ = servers.urls
    _, laptop = sign_up(first, "dana")
    phone = await asyncio.to_thread(log_in, first, "dana", "Mozilla/5.0 (Linux; Android 14) Chrome/131.0 Mobile")
    async with notifications(servers, 1, phone) as phones, notifications(servers, 1, laptop) as laptops:
        devices = (await asyncio.to_thread(httpx.get, f"{first}/api/devices/", headers=auth(laptop))).json()
        phone_id = next(d["id"] for d in devices if d["name"] == "Chrome on Android")
        ended = await asyncio.to_thread(httpx.delete, f"{first}/api/devices/{phone_id}/", headers=auth(laptop))
        assert ended.status_code == 204
        assert await closed_with(phones) == 4401
        assert await pong(laptops)


async def test_a_password_change_closes_the_other_devices_sockets_on_every_process(servers):
    first, second = servers.urls
    _, laptop = sign_up(first, "erin")
    phone = await asyncio.to_thread(
        log_in, second, "erin", "Mozilla/5.0 (iPhone) AppleWebKit/605 Version/17 Safari/604"
    )
    async with (
        notifications(servers, 0, phone) as on_first,
        notifications(servers, 1, phone) as on_second,
        notifications(servers, 1, laptop) as laptops,
    ):
        change = {"current_password": PASSWORD, "new_password": "another long passphrase 43"}
        changed = await asyncio.to_thread(
            httpx.post, f"{first}/auth/users/set_password/", json=change, headers=auth(laptop)
        )
        assert changed.status_code == 204
        assert await closed_with(on_first) == 4401
        assert await closed_with(on_second) == 4401
        assert await pong(laptops)
    assert httpx.get(f"{second}/auth/users/me/", headers=auth(phone)).status_code == 401
