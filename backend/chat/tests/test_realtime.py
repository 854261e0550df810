"""The chat socket: close codes, pushes after commit, posting over the socket, heartbeats."""

import json
import logging
import threading

import pytest
from asgiref.sync import sync_to_async
from django.db import transaction

from backend.chat import services
from backend.chat.consumers import CLOSE_FORBIDDEN, CLOSE_NOT_FOUND, CLOSE_UNAUTHENTICATED
from backend.chat.models import ChatSession, Message
from backend.testing.api import join, post_message, token_of
from backend.testing.sockets import close_code, open_socket, socket
from backend.web.redact import RedactTokenFilter
from backend.web.throttles import PostMessageThrottle

# Consumers read the database from other threads: they must see committed rows.
pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def alice_token(alice):
    return token_of(alice)


@pytest.fixture
def bob_token(bob):
    return token_of(bob)


@pytest.fixture
def post_as(client_for):
    """POST a message over REST from a worker thread (the test itself runs in the event loop)."""

    def post(user, uri, text):
        response = post_message(client_for(user), uri, text)
        return response.status_code, response.json()

    return sync_to_async(post, thread_sensitive=False)


async def test_a_socket_without_a_token_is_closed_with_4401(chat):
    assert await close_code(socket(f"/ws/chats/{chat}/")) == CLOSE_UNAUTHENTICATED


async def test_a_socket_with_a_bad_token_is_closed_with_4401(chat):
    assert await close_code(socket(f"/ws/chats/{chat}/?token={'0' * 40}")) == CLOSE_UNAUTHENTICATED


async def test_an_inactive_users_token_is_closed_with_4401(chat, bob, bob_token):
    bob.is_active = False
    await sync_to_async(bob.save)()
    assert await close_code(socket(f"/ws/chats/{chat}/?token={bob_token}")) == CLOSE_UNAUTHENTICATED


async def test_a_non_member_is_closed_with_4403(chat, bob_token):
    assert await close_code(socket(f"/ws/chats/{chat}/?token={bob_token}")) == CLOSE_FORBIDDEN


async def test_an_unknown_session_is_closed_with_4404(alice_token):
    assert await close_code(socket(f"/ws/chats/nosuchchat/?token={alice_token}")) == CLOSE_NOT_FOUND


async def test_a_foreign_origin_is_refused_at_the_handshake(chat, alice_token):
    communicator = socket(f"/ws/chats/{chat}/?token={alice_token}", origin=(b"origin", b"https://evil.example"))
    connected, _ = await communicator.connect()
    assert not connected


async def test_a_client_without_an_origin_is_served_with_its_token(chat, alice_token):
    """A script, a mobile app or a bot sends no Origin: it is not a browser, and its token decides."""
    communicator = socket(f"/ws/chats/{chat}/?token={alice_token}", origin=None)
    connected, _ = await communicator.connect()
    assert connected
    await communicator.send_json_to({"type": "ping"})
    assert await communicator.receive_json_from() == {"type": "pong"}
    await communicator.disconnect()
    assert await close_code(socket(f"/ws/chats/{chat}/", origin=None)) == CLOSE_UNAUTHENTICATED


async def test_logging_out_closes_the_users_open_sockets_with_4401(chat, alice, alice_token, client_for):
    chat_socket = await open_socket(f"/ws/chats/{chat}/?token={alice_token}")
    notifications = socket(f"/ws/notifications/?token={alice_token}")
    assert (await notifications.connect())[0]

    def log_out():
        return client_for(alice).post("/auth/token/logout/").status_code

    assert await sync_to_async(log_out, thread_sensitive=False)() == 204
    for communicator in (chat_socket, notifications):
        assert await communicator.receive_output() == {"type": "websocket.close", "code": CLOSE_UNAUTHENTICATED}


async def test_a_member_hears_a_message_posted_over_rest_exactly_as_rest_returns_it(chat, alice, alice_token, post_as):
    communicator = await open_socket(f"/ws/chats/{chat}/?token={alice_token}")
    status, body = await post_as(alice, chat, "hello @nobody")
    assert status == 201
    assert await communicator.receive_json_from() == {"type": "message", "message": body}
    await communicator.disconnect()


async def test_pushes_carry_consecutive_seqs(chat, alice, alice_token, post_as):
    communicator = await open_socket(f"/ws/chats/{chat}/?token={alice_token}")
    for text in ("one", "two", "three"):
        await post_as(alice, chat, text)
    pushed = [(await communicator.receive_json_from())["message"] for _ in range(3)]
    assert [(m["seq"], m["message"]) for m in pushed] == [(1, "one"), (2, "two"), (3, "three")]
    await communicator.disconnect()


async def test_a_rolled_back_message_is_never_pushed(chat, alice, alice_token, post_as):
    communicator = await open_socket(f"/ws/chats/{chat}/?token={alice_token}")

    def post_then_fail():
        session = ChatSession.objects.get(uri=chat)
        with pytest.raises(RuntimeError), transaction.atomic():  # noqa: PT012 - fails after the write, on purpose
            services.message_create(session=session, user=alice, text="never happened")
            raise RuntimeError("rolled back")

    await sync_to_async(post_then_fail, thread_sensitive=False)()
    await post_as(alice, chat, "committed")
    pushed = await communicator.receive_json_from()
    assert pushed["message"]["message"] == "committed" and pushed["message"]["seq"] == 1
    assert await communicator.receive_nothing()
    await communicator.disconnect()


async def test_a_message_saved_by_a_plain_thread_is_pushed_too(chat, alice, alice_token):
    """The bot's worker is a thread of its own, outside any async context."""
    communicator = await open_socket(f"/ws/chats/{chat}/?token={alice_token}")

    def bot_like_worker():
        services.message_create(
            session=ChatSession.objects.get(uri=chat), user=alice, text="from a thread", is_bot=True
        )

    worker = threading.Thread(target=bot_like_worker)
    worker.start()
    pushed = await communicator.receive_json_from(timeout=5)
    await sync_to_async(worker.join)()
    assert pushed["message"]["message"] == "from a thread" and pushed["message"]["is_bot"] is True
    await communicator.disconnect()


async def test_a_message_posted_over_the_socket_reaches_every_member(chat, bob, alice_token, bob_token, client_for):
    await sync_to_async(lambda: join(client_for(bob), chat))()
    alices, bobs = (
        await open_socket(f"/ws/chats/{chat}/?token={alice_token}"),
        await open_socket(f"/ws/chats/{chat}/?token={bob_token}"),
    )
    await alices.send_json_to({"type": "message", "message": "  hi bob  ", "idempotency_key": "k1"})
    for communicator in (alices, bobs):
        pushed = await communicator.receive_json_from()
        assert pushed["type"] == "message"
        assert pushed["message"]["message"] == "hi bob" and pushed["message"]["user"]["username"] == "alice"
    assert await sync_to_async(Message.objects.filter(session__uri=chat, kind="text").count)() == 1
    await alices.disconnect()
    await bobs.disconnect()


async def test_a_retried_idempotency_key_over_the_socket_answers_the_first_message(chat, alice_token):
    communicator = await open_socket(f"/ws/chats/{chat}/?token={alice_token}")
    await communicator.send_json_to({"type": "message", "message": "once", "idempotency_key": "same"})
    first = await communicator.receive_json_from()
    await communicator.send_json_to({"type": "message", "message": "once", "idempotency_key": "same"})
    assert await communicator.receive_json_from() == first
    assert await sync_to_async(Message.objects.filter(session__uri=chat).count)() == 1
    await communicator.disconnect()


@pytest.mark.parametrize(
    "frame, field",
    [
        ({"type": "message", "message": "   "}, "message"),
        ({"type": "message"}, "message"),
        ({"type": "message", "message": 42}, "message"),
        ({"type": "message", "message": "x" * 2001}, "message"),
        ({"type": "message", "message": "ok", "idempotency_key": "k" * 101}, "idempotency_key"),
        ({"type": "message", "message": "re", "reply_to": 99}, "reply_to"),
        ({"type": "message", "message": "re", "reply_to": "1"}, "reply_to"),
        ({"type": "shout"}, "type"),
        ({}, "type"),
    ],
)
async def test_bad_input_over_the_socket_gets_an_error_and_the_socket_stays_open(chat, alice_token, frame, field):
    communicator = await open_socket(f"/ws/chats/{chat}/?token={alice_token}")
    await communicator.send_json_to(frame)
    error = await communicator.receive_json_from()
    assert error["type"] == "error" and field in error["errors"], error
    await communicator.send_json_to({"type": "ping"})
    assert await communicator.receive_json_from() == {"type": "pong"}
    assert await sync_to_async(Message.objects.count)() == 0
    await communicator.disconnect()


@pytest.mark.parametrize(
    ("query", "headers", "detail", "blank"),
    [
        ("&lang=ja", [], "メッセージが無効です。", "空にはできません。"),
        ("&lang=zh-TW", [(b"accept-language", b"ja")], "訊息無效。", "不能空白。"),
        ("", [(b"accept-language", b"ko-KR,ko;q=0.9")], "메시지가 올바르지 않습니다.", "비워 둘 수 없습니다."),
        ("&lang=xx", [(b"accept-language", b"zh-CN")], "消息无效。", "不能为空。"),
        ("", [], "Invalid message.", "May not be blank."),
    ],
)
async def test_socket_errors_are_in_the_app_s_language(chat, alice_token, query, headers, detail, blank):
    from channels.testing import WebsocketCommunicator

    from backend.asgi import application
    from backend.testing.sockets import ORIGIN_HEADER

    path = f"/ws/chats/{chat}/?token={alice_token}{query}"
    communicator = WebsocketCommunicator(application, path, headers=[ORIGIN_HEADER, *headers])
    connected, _ = await communicator.connect()
    assert connected
    await communicator.send_json_to({"type": "message", "message": "  "})
    error = await communicator.receive_json_from()
    assert error["detail"] == detail and error["errors"] == {"message": [blank]}
    await communicator.disconnect()


@pytest.mark.parametrize("raw", ["{not json", "[1, 2]", '"text"', "null"])
async def test_malformed_frames_get_an_error_not_a_dropped_socket(chat, alice_token, raw):
    communicator = await open_socket(f"/ws/chats/{chat}/?token={alice_token}")
    await communicator.send_to(text_data=raw)
    assert (await communicator.receive_json_from())["type"] == "error"
    await communicator.send_to(bytes_data=b"\x00\x01")
    assert (await communicator.receive_json_from())["type"] == "error"
    await communicator.send_json_to({"type": "ping"})
    assert await communicator.receive_json_from() == {"type": "pong"}
    await communicator.disconnect()


async def test_posting_too_fast_over_the_socket_is_refused_like_over_rest(chat, alice_token, settings):
    settings.RATE_LIMITS_ON = True
    allowed = PostMessageThrottle().num_requests
    communicator = await open_socket(f"/ws/chats/{chat}/?token={alice_token}")
    for n in range(allowed):
        await communicator.send_json_to({"type": "message", "message": f"m{n}"})
        assert (await communicator.receive_json_from())["type"] == "message"
    await communicator.send_json_to({"type": "message", "message": "one too many", "idempotency_key": "k"})
    error = await communicator.receive_json_from()
    assert error["type"] == "error" and error["retry_after"] > 0 and error["idempotency_key"] == "k"
    assert await sync_to_async(Message.objects.count)() == allowed
    await communicator.disconnect()


async def test_an_error_echoes_the_idempotency_key_so_the_client_can_match_it(chat, alice_token):
    communicator = await open_socket(f"/ws/chats/{chat}/?token={alice_token}")
    await communicator.send_json_to({"type": "message", "message": "", "idempotency_key": "abc"})
    error = await communicator.receive_json_from()
    assert error["idempotency_key"] == "abc" and error["errors"] == {"message": ["May not be blank."]}
    await communicator.disconnect()


async def test_sockets_of_other_sessions_hear_nothing(chat, alice, alice_token, post_as, client_for):
    other = (await sync_to_async(lambda: client_for(alice).post("/api/chats/"))()).json()["uri"]
    communicator = await open_socket(f"/ws/chats/{other}/?token={alice_token}")
    await post_as(alice, chat, "not for the other chat")
    assert await communicator.receive_nothing()
    await communicator.disconnect()


def test_tokens_in_uvicorn_log_lines_are_redacted():
    record = logging.LogRecord(
        "uvicorn.error",
        logging.INFO,
        __file__,
        1,
        '%s - "WebSocket %s" [accepted]',
        ("127.0.0.1:5000", "/ws/chats/abc/?token=0123456789abcdef&x=1"),
        None,
    )
    RedactTokenFilter().filter(record)
    line = record.getMessage()
    assert "0123456789abcdef" not in line and "token=[redacted]&x=1" in line


def test_the_pushed_frame_is_compact_json():
    from backend.chat.realtime import frame

    assert json.loads(frame("message", {"seq": 1})) == {"type": "message", "message": {"seq": 1}}


async def test_edits_deletes_and_reactions_are_pushed_as_the_message_now_is(chat, alice, alice_token, client_for):
    communicator = await open_socket(f"/ws/chats/{chat}/?token={alice_token}")
    client = await sync_to_async(client_for)(alice)
    base = f"/api/chats/{chat}/messages/"

    def change(call):
        return sync_to_async(call, thread_sensitive=False)()

    await change(lambda: post_message(client, chat, "typo"))
    assert (await communicator.receive_json_from())["message"]["rev"] == 1
    await change(lambda: client.patch(f"{base}1/", {"message": "fixed"}, format="json"))
    edited = (await communicator.receive_json_from())["message"]
    assert edited["message"] == "fixed" and edited["edited_at"] and edited["rev"] == 2
    await change(lambda: client.put(f"{base}1/reactions/%F0%9F%8E%89/"))
    assert (await communicator.receive_json_from())["message"]["reactions"][0]["emoji"] == "🎉"
    await change(lambda: client.delete(f"{base}1/"))
    deleted = (await communicator.receive_json_from())["message"]
    assert deleted["deleted"] is True and deleted["message"] == "" and deleted["rev"] == 4
    await communicator.disconnect()


async def test_typing_reaches_the_others_throttled_and_is_never_stored(chat, bob, alice_token, bob_token, client_for):
    await sync_to_async(lambda: join(client_for(bob), chat))()
    alices = await open_socket(f"/ws/chats/{chat}/?token={alice_token}")
    bobs = await open_socket(f"/ws/chats/{chat}/?token={bob_token}")
    for _ in range(3):
        await alices.send_json_to({"type": "typing"})
    typing = await bobs.receive_json_from()
    person = {"id": typing["typing"]["id"], "username": "alice", "display_name": "", "avatar_url": None}
    assert typing == {"type": "typing", "typing": person}
    assert await bobs.receive_nothing(timeout=0.3)  # the other two were within the throttle
    assert await sync_to_async(Message.objects.filter(kind="text").count)() == 0
    await alices.disconnect()
    await bobs.disconnect()
