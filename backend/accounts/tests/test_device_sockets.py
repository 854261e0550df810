"""Ending a device's token closes the sockets opened with it, and only those; a deactivated user
is cut off at once, open sockets included."""

import httpx
import pytest
from asgiref.sync import sync_to_async
from django.contrib.auth import get_user_model

from backend.accounts.models import DeviceToken
from backend.chat.consumers import CLOSE_UNAUTHENTICATED
from backend.chat.models import Message
from backend.testing.sockets import close_code, open_socket, socket

from .test_devices import CHROME_ANDROID, device

pytestmark = pytest.mark.django_db(transaction=True)


def in_thread(function):
    return sync_to_async(function, thread_sensitive=False)


def key_of(client) -> str:
    return client._credentials["HTTP_AUTHORIZATION"].removeprefix("Token ")


async def sockets_of(chat, token):
    return [
        await open_socket(f"/ws/chats/{chat}/?token={token}"),
        await open_socket(f"/ws/notifications/?token={token}"),
    ]


async def closed_with_4401(communicator) -> bool:
    return await communicator.receive_output(timeout=3) == {"type": "websocket.close", "code": CLOSE_UNAUTHENTICATED}


async def still_open(communicator) -> bool:
    await communicator.send_json_to({"type": "ping"})
    return await communicator.receive_json_from(timeout=3) == {"type": "pong"}


@pytest.fixture
def two_devices(alice, chat):
    return device(alice), device(alice, CHROME_ANDROID)


async def test_signing_a_device_out_closes_its_sockets_and_no_others(chat, two_devices):
    laptop, phone = two_devices
    phones, laptops = await sockets_of(chat, key_of(phone)), await sockets_of(chat, key_of(laptop))

    def sign_out_the_phone():
        phone_id = next(d["id"] for d in laptop.get("/api/devices/").json() if not d["current"])
        return laptop.delete(f"/api/devices/{phone_id}/").status_code

    assert await in_thread(sign_out_the_phone)() == 204
    for communicator in phones:
        assert await closed_with_4401(communicator)
    for communicator in laptops:
        assert await still_open(communicator)
        await communicator.disconnect()


async def test_logging_out_on_one_device_leaves_the_others_sockets_open(chat, two_devices):
    laptop, phone = two_devices
    phones, laptops = await sockets_of(chat, key_of(phone)), await sockets_of(chat, key_of(laptop))

    assert await in_thread(lambda: phone.post("/auth/token/logout/").status_code)() == 204
    for communicator in phones:
        assert await closed_with_4401(communicator)
    for communicator in laptops:
        assert await still_open(communicator)
        await communicator.disconnect()


async def test_a_password_change_closes_the_other_devices_sockets(chat, two_devices):
    laptop, phone = two_devices
    phones, laptops = await sockets_of(chat, key_of(phone)), await sockets_of(chat, key_of(laptop))
    change = {"current_password": "a long enough passphrase 42", "new_password": "another long passphrase 43"}

    assert await in_thread(lambda: laptop.post("/auth/users/set_password/", change, format="json").status_code)() == 204
    for communicator in phones:
        assert await closed_with_4401(communicator)
    for communicator in laptops:
        assert await still_open(communicator)
        await communicator.disconnect()


async def test_a_deactivated_user_is_cut_off_at_once(alice, chat, two_devices):
    laptop, phone = two_devices
    sockets = await sockets_of(chat, key_of(laptop)) + await sockets_of(chat, key_of(phone))
    etag = (await in_thread(lambda: laptop.get("/api/chats/"))())["ETag"]

    def deactivate():  # as the admin does: the user saved with is_active off
        user = get_user_model().objects.get(pk=alice.pk)
        user.is_active = False
        user.save()

    await in_thread(deactivate)()
    for communicator in sockets:
        assert await closed_with_4401(communicator)
    assert not await DeviceToken.objects.filter(user=alice).aexists()

    from backend.asgi import application

    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=application), base_url="http://localhost") as client:
        headers = {"Authorization": f"Token {key_of(laptop)}"}
        assert (await client.get("/api/chats/", headers=headers | {"If-None-Match": etag})).status_code == 401  # lane
        assert (await client.get("/api/chats/", headers=headers)).status_code == 401
        assert (await client.get(f"/api/chats/{chat}/messages/?since=0", headers=headers)).status_code == 401


async def test_a_user_deactivated_behind_the_models_back_cannot_post_over_an_open_socket(alice, chat, two_devices):
    """A bulk update sends no signal, so nothing closes the socket at once; its next post is refused
    and closes it."""
    laptop, _ = two_devices
    communicator = await open_socket(f"/ws/chats/{chat}/?token={key_of(laptop)}")

    await get_user_model().objects.filter(pk=alice.pk).aupdate(is_active=False)
    await communicator.send_json_to({"type": "message", "message": "still here?"})
    closed = await communicator.receive_output(timeout=3)
    assert closed["type"] == "websocket.close"
    assert not await Message.objects.filter(text="still here?").aexists()


async def test_a_token_ended_while_its_socket_opens_does_not_leave_it_open(chat, two_devices, monkeypatch):
    """The end commits after the handshake's authentication but before the socket listens for it."""
    from backend.chat.consumers import ChatConsumer

    laptop, _ = two_devices
    key = key_of(laptop)
    group_for = ChatConsumer.group_for

    async def ended_meanwhile(self, user):
        await in_thread(lambda: laptop.post("/auth/token/logout/"))()
        return await group_for(self, user)

    monkeypatch.setattr(ChatConsumer, "group_for", ended_meanwhile)
    assert await close_code(socket(f"/ws/chats/{chat}/?token={key}")) == CLOSE_UNAUTHENTICATED


async def test_a_socket_whose_close_was_lost_cannot_post_after_its_device_signed_out(chat, two_devices, monkeypatch):
    """The close push is at most once (Redis may be down): the token's end still stops the posts."""
    from backend.chat import realtime

    laptop, _ = two_devices
    communicator = await open_socket(f"/ws/chats/{chat}/?token={key_of(laptop)}")
    real = realtime.send_event
    monkeypatch.setattr(
        realtime,
        "send_event",
        lambda group, event: None if event["type"] == realtime.REVOKE_EVENT else real(group, event),
    )
    assert await in_thread(lambda: laptop.post("/auth/token/logout/").status_code)() == 204
    await communicator.send_json_to({"type": "message", "message": "signed out, still typing"})
    assert await closed_with_4401(communicator)
    assert not await Message.objects.filter(text="signed out, still typing").aexists()
