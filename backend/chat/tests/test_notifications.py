"""Notifications: mentions and joins are stored, listed over REST, marked read, pushed to the user's sockets."""

import pytest
from asgiref.sync import sync_to_async
from django.db import connection
from django.test.utils import CaptureQueriesContext

from backend.chat import services
from backend.chat.consumers import CLOSE_UNAUTHENTICATED
from backend.chat.models import ChatSession, Notification
from backend.chat.notifications import mentioned_usernames
from backend.testing.api import join, person, post_message, token_of
from backend.testing.sockets import socket


def inbox(client, query=""):
    response = client.get(f"/api/notifications/{query}")
    assert response.status_code == 200
    return response.json()


@pytest.fixture
def carol(make_user):
    return make_user("carol")


@pytest.fixture
def together(chat, bob, client_for):
    """Bob has joined Alice's chat."""
    join(client_for(bob), chat)
    return chat


@pytest.mark.django_db
class TestOverRest:
    def test_the_owner_is_notified_when_someone_joins(self, chat, alice, bob, client_for):
        assert join(client_for(bob), chat).status_code == 201
        [notification] = inbox(client_for(alice))
        assert set(notification) == {"id", "kind", "text", "actor", "session", "seq", "read", "created_at"}
        assert notification["seq"] is None  # a join names no message
        assert notification["kind"] == "join" and notification["session"] == chat and notification["read"] is False
        assert notification["actor"] == person(bob)
        assert "bob" in notification["text"] and "Team" in notification["text"]

    def test_joining_twice_notifies_once(self, chat, alice, bob, client_for):
        join(client_for(bob), chat)
        assert join(client_for(bob), chat).status_code == 200
        assert len(inbox(client_for(alice))) == 1

    def test_a_mentioned_member_is_notified(self, together, alice, bob, client_for):
        post_message(client_for(alice), together, "hey @bob, look at this")
        [notification] = inbox(client_for(bob))
        assert notification["kind"] == "mention" and notification["actor"]["username"] == "alice"
        assert "hey @bob, look at this" in notification["text"]

    def test_mentions_of_non_members_of_oneself_and_of_addresses_notify_nobody(
        self, together, alice, carol, client_for
    ):
        post_message(client_for(alice), together, "@carol is not here, @alice is me, mail bob@example.com")
        assert inbox(client_for(carol)) == []
        assert [n["kind"] for n in inbox(client_for(alice))] == ["join"]
        assert Notification.objects.filter(kind="mention").count() == 0

    def test_a_member_mentioned_twice_gets_one_notification(self, together, alice, bob, client_for):
        post_message(client_for(alice), together, "@bob @bob @bob!")
        assert len(inbox(client_for(bob))) == 1

    def test_a_message_without_an_at_sign_costs_no_notification_query(self, together, alice):
        session = ChatSession.objects.get(uri=together)
        services.message_create(session=session, user=alice, text="warm up")
        with CaptureQueriesContext(connection) as plain:
            services.message_create(session=session, user=alice, text="no mention here")
        mention_reads = [q for q in plain if "notification" in q["sql"].lower() or "username" in q["sql"].lower()]
        assert not mention_reads

    def test_unread_lists_only_unread_newest_first(self, together, alice, bob, client_for):
        for n in range(3):
            post_message(client_for(alice), together, f"@bob number {n}")
        bobs = client_for(bob)
        listed = inbox(bobs)
        assert [n["text"][-1] for n in listed] == ["2", "1", "0"]
        assert bobs.post(f"/api/notifications/{listed[0]['id']}/read/").json()["read"] is True
        assert [n["text"][-1] for n in inbox(bobs, "?unread=1")] == ["1", "0"]
        assert len(inbox(bobs)) == 3

    def test_marking_read_twice_is_fine(self, chat, alice, bob, client_for):
        join(client_for(bob), chat)
        alices = client_for(alice)
        [notification] = inbox(alices)
        for _ in range(2):
            assert alices.post(f"/api/notifications/{notification['id']}/read/").status_code == 200

    def test_nobody_can_read_or_mark_someone_elses_notification(self, chat, alice, bob, client_for):
        join(client_for(bob), chat)
        [notification] = inbox(client_for(alice))
        assert inbox(client_for(bob)) == []
        assert client_for(bob).post(f"/api/notifications/{notification['id']}/read/").status_code == 404
        assert client_for(bob).post("/api/notifications/999999/read/").status_code == 404
        assert Notification.objects.get(pk=notification["id"]).read is False

    def test_notifications_need_a_token(self, api_client):
        assert api_client.get("/api/notifications/").status_code == 401
        assert api_client.post("/api/notifications/1/read/").status_code == 401

    def test_the_list_is_bounded_and_takes_a_fixed_number_of_queries(self, together, alice, bob, client_for):
        session = ChatSession.objects.get(uri=together)
        Notification.objects.bulk_create(
            Notification(recipient=bob, actor=alice, kind="mention", text=f"n{i}", session=session) for i in range(120)
        )
        bobs = client_for(bob)
        with CaptureQueriesContext(connection) as queries:
            listed = inbox(bobs, "?unread=1")
        assert len(listed) == 100 and listed[0]["text"] == "n119"
        assert len(queries) <= 3  # token, then one select with actor and session joined


@pytest.mark.parametrize(
    "text, names",
    [
        ("hi @bob", {"bob"}),
        ("@bob, @carol.", {"bob", "carol.", "carol"}),
        ("mail bob@example.com", set()),
        ("@", set()),
        ("(@a.b-c_d+e)", {"a.b-c_d+e"}),
    ],
)
def test_mention_parsing(text, names):
    assert mentioned_usernames(text) == names


@pytest.mark.django_db(transaction=True)
class TestOverTheSocket:
    async def test_every_open_socket_of_the_recipient_gets_the_notification(self, chat, alice, bob, client_for):
        token = await sync_to_async(token_of)(alice)
        sockets = [socket(f"/ws/notifications/?token={token}") for _ in range(2)]
        for listener in sockets:
            assert (await listener.connect())[0]
        response = await sync_to_async(lambda: join(client_for(bob), chat), thread_sensitive=False)()
        assert response.status_code == 201
        stored = await sync_to_async(lambda: inbox(client_for(alice))[0])()
        for listener in sockets:
            chat_frame = await listener.receive_json_from()  # the chat list hears of the join first
            assert chat_frame["type"] == "chat" and chat_frame["chat"]["uri"] == chat
            assert await listener.receive_json_from() == {"type": "notification", "notification": stored}
            await listener.disconnect()

    async def test_others_sockets_hear_nothing(self, chat, bob, carol, client_for):
        token = await sync_to_async(token_of)(carol)
        listener = socket(f"/ws/notifications/?token={token}")
        assert (await listener.connect())[0]
        await sync_to_async(lambda: join(client_for(bob), chat), thread_sensitive=False)()
        assert await listener.receive_nothing()
        await listener.send_json_to({"type": "ping"})
        assert await listener.receive_json_from() == {"type": "pong"}
        await listener.disconnect()

    async def test_the_notification_socket_needs_a_token(self):
        listener = socket("/ws/notifications/?token=bad")
        assert (await listener.connect())[0]
        assert (await listener.receive_output())["code"] == CLOSE_UNAUTHENTICATED
