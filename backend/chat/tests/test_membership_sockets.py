"""Membership changes reach the sockets at once: a removed or departed member's chat sockets close
with 4403, a deleted chat's with 4404; the others hear the change as a system message."""

import pytest
from asgiref.sync import sync_to_async

from backend.chat.consumers import CLOSE_FORBIDDEN, CLOSE_NOT_FOUND
from backend.testing.api import join, token_of
from backend.testing.sockets import close_code, open_socket, socket

pytestmark = pytest.mark.django_db(transaction=True)


def in_thread(call):
    return sync_to_async(call, thread_sensitive=False)()


@pytest.fixture
async def together(chat, bob, client_for):
    await in_thread(lambda: join(client_for(bob), chat))
    return chat


async def chat_socket(uri, user):
    return await open_socket(f"/ws/chats/{uri}/?token={await sync_to_async(token_of)(user)}")


async def closed_with(communicator) -> int:
    output = await communicator.receive_output(timeout=3)
    assert output["type"] == "websocket.close", output
    return output["code"]


async def test_a_removed_members_sockets_close_and_the_others_hear_why(together, alice, bob, client_for):
    bobs_tabs = [await chat_socket(together, bob) for _ in range(2)]
    alices = await chat_socket(together, alice)
    status = await in_thread(lambda: client_for(alice).delete(f"/api/chats/{together}/members/{bob.id}/").status_code)
    assert status == 204
    for tab in bobs_tabs:
        assert await closed_with(tab) == CLOSE_FORBIDDEN
    pushed = await alices.receive_json_from()
    assert pushed["message"]["event"]["type"] == "remove" and pushed["message"]["event"]["user"]["id"] == bob.id
    assert await close_code(socket(f"/ws/chats/{together}/?token={await sync_to_async(token_of)(bob)}")) == (
        CLOSE_FORBIDDEN
    )
    await alices.disconnect()


async def test_leaving_closes_ones_own_sockets_of_that_chat_only(together, alice, bob, client_for):
    other = (await in_thread(lambda: client_for(bob).post("/api/chats/"))).json()["uri"]
    here, elsewhere = await chat_socket(together, bob), await chat_socket(other, bob)
    alices = await chat_socket(together, alice)
    await in_thread(lambda: client_for(bob).delete(f"/api/chats/{together}/members/me/"))
    assert await closed_with(here) == CLOSE_FORBIDDEN
    assert (await alices.receive_json_from())["message"]["event"]["type"] == "leave"
    await elsewhere.send_json_to({"type": "ping"})
    assert await elsewhere.receive_json_from() == {"type": "pong"}
    await elsewhere.disconnect()
    await alices.disconnect()


async def test_deleting_the_chat_closes_every_socket_with_4404(together, alice, bob, client_for):
    sockets = [await chat_socket(together, alice), await chat_socket(together, bob)]
    await in_thread(lambda: client_for(alice).delete(f"/api/chats/{together}/"))
    for communicator in sockets:
        assert await closed_with(communicator) == CLOSE_NOT_FOUND
    assert await close_code(socket(f"/ws/chats/{together}/?token={await sync_to_async(token_of)(alice)}")) == (
        CLOSE_NOT_FOUND
    )


async def test_a_rename_is_pushed_as_a_system_message(chat, alice, client_for):
    communicator = await chat_socket(chat, alice)
    await in_thread(lambda: client_for(alice).patch(f"/api/chats/{chat}/", {"title": "New"}, format="json"))
    pushed = (await communicator.receive_json_from())["message"]
    assert pushed["kind"] == "system" and pushed["event"]["title"] == "New"
    await communicator.disconnect()


async def test_a_malformed_uri_is_closed_with_4404(alice):
    assert await close_code(socket(f"/ws/chats/not%20a%20uri/?token={await sync_to_async(token_of)(alice)}")) == (
        CLOSE_NOT_FOUND
    )
