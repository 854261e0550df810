"""What a review of the chat found, each pinned by a test that failed before its fix: counters an
admin form wrote back, a removed member walking back in with the code they had seen, writes that
did not re-check membership under the lock, and inputs that were a 500 or were wrongly accepted."""

import json

import pytest
from asgiref.sync import sync_to_async
from django.core.exceptions import PermissionDenied
from django.test import Client

from backend.chat import realtime
from backend.chat.models import ChatSession, Message
from backend.testing.api import join, post_message, read_messages, token_of
from backend.testing.sockets import open_socket


@pytest.mark.django_db
def test_saving_a_chat_in_the_admin_keeps_the_counters_that_moved_meanwhile(client_for, alice, chat, django_user_model):
    admin = Client()
    admin.force_login(django_user_model.objects.create_superuser("root", "root@example.com", "pw-123456789"))
    session = ChatSession.objects.get(uri=chat)
    url = f"/admin/chat/chatsession/{session.pk}/change/"
    assert 'name="rev"' not in admin.get(url).content.decode()
    for text in ("one", "two", "three"):  # while the admin's form is open
        post_message(client_for(alice), chat, text)
    form = {
        "kind": "group",
        "title": "Renamed by admin",
        "owner": str(alice.pk),
        "invite_code": session.invite_code,
        "rev": "0",  # what a form that still had the field would send back
        "last_seq": "0",
        "created_at_0": "2026-01-01",
        "created_at_1": "00:00:00",
        "last_activity_at_0": "2026-01-01",
        "last_activity_at_1": "00:00:00",
        "memberships-TOTAL_FORMS": "0",
        "memberships-INITIAL_FORMS": "0",
        "memberships-MIN_NUM_FORMS": "0",
        "memberships-MAX_NUM_FORMS": "1000",
    }
    assert admin.post(url, form).status_code == 302
    saved = ChatSession.objects.get(uri=chat)
    assert (saved.title, saved.rev, saved.last_seq) == ("Renamed by admin", 3, 3)
    assert post_message(client_for(alice), chat, "four").status_code == 201


@pytest.mark.django_db
def test_messages_are_read_only_in_the_admin(client_for, alice, chat, django_user_model):
    post_message(client_for(alice), chat, "hello")
    admin = Client()
    admin.force_login(django_user_model.objects.create_superuser("root", "root@example.com", "pw-123456789"))
    message = Message.objects.get(session__uri=chat)
    url = f"/admin/chat/message/{message.pk}/change/"
    admin.post(url, {"text": "rewritten", "session": message.session_id, "user": alice.pk, "kind": "text"})
    assert Message.objects.get(pk=message.pk).text == "hello"


@pytest.mark.django_db
def test_a_removed_member_cannot_walk_back_in_with_the_code_they_saw(client_for, alice, bob, chat):
    alices, bobs = client_for(alice), client_for(bob)
    join(bobs, chat)
    seen = bobs.get(f"/api/chats/{chat}/").json()["invite"]["code"]
    assert alices.delete(f"/api/chats/{chat}/members/{bob.id}/").status_code == 204

    assert bobs.post("/api/chats/join/", {"code": seen}, format="json").status_code == 404
    assert read_messages(bobs, chat).status_code == 403
    assert alices.get(f"/api/chats/{chat}/").json()["invite"]["code"] != seen


@pytest.mark.django_db
def test_writes_recheck_membership_under_the_lock(client_for, alice, bob, chat):
    from backend.chat import services

    join(client_for(bob), chat)
    post_message(client_for(alice), chat, "hello")
    session = ChatSession.objects.get(uri=chat)  # read before the removal, as a racing request would
    client_for(alice).delete(f"/api/chats/{chat}/members/{bob.id}/")
    last_seq = ChatSession.objects.get(uri=chat).last_seq
    for write in (
        lambda: services.message_create(session=session, user=bob, text="still here?"),
        lambda: services.reaction_add(session=session, user=bob, seq=2, emoji="👍"),
    ):
        with pytest.raises(PermissionDenied):
            write()
    assert ChatSession.objects.get(uri=chat).last_seq == last_seq


def _in_thread(call):
    return sync_to_async(call, thread_sensitive=False)()


def _drop_close_events(monkeypatch):
    """As if the close push were lost: the channel layer delivers at most once."""
    real = realtime.send_event
    monkeypatch.setattr(
        realtime,
        "send_event",
        lambda group, event: (
            None if event["type"] in (realtime.CLOSE_CHAT_EVENT, realtime.REVOKE_EVENT) else real(group, event)
        ),
    )


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("change", ["removed", "deactivated", "chat deleted"])
async def test_a_socket_whose_close_was_lost_cannot_post_and_closes_on_trying(
    chat, alice, bob, client_for, monkeypatch, change
):
    await _in_thread(lambda: join(client_for(bob), chat))
    token = await sync_to_async(token_of)(bob)
    socket = await open_socket(f"/ws/chats/{chat}/?token={token}")
    _drop_close_events(monkeypatch)

    def act():
        if change == "removed":
            assert client_for(alice).delete(f"/api/chats/{chat}/members/{bob.id}/").status_code == 204
        elif change == "deactivated":
            bob.is_active = False
            bob.save(update_fields=["is_active"])
        else:
            assert client_for(alice).delete(f"/api/chats/{chat}/").status_code == 204

    await _in_thread(act)
    await socket.send_to(text_data=json.dumps({"type": "message", "message": "am I still here?"}))
    while (output := await socket.receive_output(timeout=3))["type"] != "websocket.close":
        pass
    expected = {"removed": realtime.CLOSE_FORBIDDEN, "deactivated": realtime.CLOSE_UNAUTHENTICATED}  # signed out
    assert output["code"] == expected.get(change, realtime.CLOSE_NOT_FOUND)
    texts = await _in_thread(lambda: list(Message.objects.filter(user=bob, kind="text").values_list("text", flat=True)))
    assert texts == []


@pytest.mark.django_db
def test_a_username_cannot_change_hands(client_for, alice):
    response = client_for(alice).post(
        "/auth/users/set_username/", {"new_username": "mallory", "current_password": "x"}, format="json"
    )
    assert response.status_code == 403


@pytest.mark.django_db
@pytest.mark.parametrize(
    "request_",
    [
        ("post", "/api/chats/{uri}/messages/", {"message": "a\x00b"}),
        ("patch", "/api/chats/{uri}/messages/1/", {"message": "x\x00"}),
        ("post", "/api/chats/", {"direct": "bo\x00b"}),
    ],
)
def test_a_nul_character_is_a_400(client_for, alice, chat, request_):
    post_message(client_for(alice), chat, "first")
    method, path, body = request_
    response = getattr(client_for(alice), method)(path.format(uri=chat), body, format="json")
    assert response.status_code == 400 and response.json()


@pytest.mark.django_db
def test_ownership_passes_to_an_active_member(client_for, alice, bob, make_user, chat):
    carol = make_user("carol")
    join(client_for(bob), chat)
    join(client_for(carol), chat)
    bob.is_active = False
    bob.save(update_fields=["is_active"])
    assert client_for(alice).delete(f"/api/chats/{chat}/members/me/").status_code == 204
    assert ChatSession.objects.get(uri=chat).owner == carol


@pytest.mark.django_db
def test_a_list_is_not_a_chat_to_create(client_for, alice):
    response = client_for(alice).post("/api/chats/", [], format="json")
    assert response.status_code == 400 and "detail" in response.json()


@pytest.mark.django_db
def test_nobody_replies_to_or_reacts_on_a_system_message(client_for, alice, bob, chat):
    join(client_for(bob), chat)  # seq 1: "bob joined"
    alices = client_for(alice)
    reply = alices.post(f"/api/chats/{chat}/messages/", {"message": "re", "reply_to": 1}, format="json")
    react = alices.put(f"/api/chats/{chat}/messages/1/reactions/%F0%9F%91%8D/")
    assert (reply.status_code, react.status_code) == (400, 400)
    assert Message.objects.filter(session__uri=chat).count() == 1


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/api/chats/ab%00c/", "/api/chats/ab%00c/messages/", "/api/chats/a%00/attachments/"])
def test_a_uri_that_no_chat_can_have_is_a_404(client_for, alice, path):
    assert client_for(alice).get(path).status_code == 404
