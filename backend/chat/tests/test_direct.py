"""Direct chats: the one private chat of two people, without title, invite or owner's powers."""

import pytest

from backend.autoreply.services import bot_user
from backend.chat.models import ChatSession
from backend.testing.api import post_message, read_messages

pytestmark = pytest.mark.django_db


def open_direct(client, username):
    return client.post("/api/chats/", {"direct": username}, format="json")


def test_opening_a_direct_chat_makes_both_members(client_for, alice, bob):
    response = open_direct(client_for(alice), "bob")
    assert response.status_code == 201
    body = response.json()
    assert body["kind"] == "direct" and body["title"] == "" and body["invite"] is None
    assert body["member_count"] == 2 and {m["username"] for m in body["members"]} == {"alice", "bob"}
    assert body["role"] == "member"  # two equals: nobody owns a direct chat's powers
    assert client_for(bob).get(f"/api/chats/{body['uri']}/").json()["role"] == "member"
    assert read_messages(client_for(bob), body["uri"]).json()["messages"] == []  # nobody "joined"


def test_there_is_one_per_pair_whoever_opens_it(client_for, alice, bob):
    first = open_direct(client_for(alice), "bob").json()["uri"]
    again = open_direct(client_for(alice), "bob")
    other_side = open_direct(client_for(bob), "alice")
    assert again.status_code == other_side.status_code == 200
    assert again.json()["uri"] == other_side.json()["uri"] == first
    assert ChatSession.objects.filter(kind="direct").count() == 1


def test_reopening_brings_back_whoever_left(client_for, alice, bob):
    uri = open_direct(client_for(alice), "bob").json()["uri"]
    post_message(client_for(alice), uri, "hello")
    assert client_for(bob).delete(f"/api/chats/{uri}/members/me/").status_code == 204
    assert client_for(bob).get("/api/chats/").json() == []
    reopened = open_direct(client_for(alice), "bob")
    assert reopened.status_code == 200 and reopened.json()["member_count"] == 2
    messages = read_messages(client_for(bob), uri).json()["messages"]
    assert [m["message"] or m["event"]["type"] for m in messages] == ["hello", "leave", "join"]


def test_when_both_have_left_it_is_gone_and_a_new_one_starts(client_for, alice, bob):
    uri = open_direct(client_for(alice), "bob").json()["uri"]
    client_for(alice).delete(f"/api/chats/{uri}/members/me/")
    client_for(bob).delete(f"/api/chats/{uri}/members/me/")
    assert not ChatSession.objects.filter(uri=uri).exists()
    fresh = open_direct(client_for(bob), "alice")
    assert fresh.status_code == 201 and fresh.json()["uri"] != uri


@pytest.mark.parametrize(
    "username, status",
    [("alice", 400), ("nobody", 404), ("inactive", 404), ("hubot", 400), ("", 400), (5, 400), (None, 400)],
)
def test_who_cannot_be_chatted_with_directly(client_for, alice, make_user, settings, username, status):
    settings.MYCHAT_BOT_USERNAME = "hubot"
    bot_user()  # the bot's user exists (a migration makes it)
    inactive = make_user("inactive")
    inactive.is_active = False
    inactive.save()
    response = open_direct(client_for(alice), username)
    assert response.status_code == status and "direct" in response.json(), response.json()
    assert not ChatSession.objects.exists()


def test_a_direct_chat_takes_no_title(client_for, alice, bob):
    response = client_for(alice).post("/api/chats/", {"direct": "bob", "title": "Us"}, format="json")
    assert response.status_code == 400 and "title" in response.json()


def test_nobody_has_an_owners_powers_in_it(client_for, alice, bob):
    alices, bobs = client_for(alice), client_for(bob)
    uri = open_direct(alices, "bob").json()["uri"]
    post_message(bobs, uri, "mine")
    assert alices.patch(f"/api/chats/{uri}/", {"title": "Us"}, format="json").status_code == 403
    assert alices.delete(f"/api/chats/{uri}/members/{bob.id}/").status_code == 403
    assert alices.post(f"/api/chats/{uri}/invite/").status_code == 403
    assert alices.delete(f"/api/chats/{uri}/").status_code == 403
    assert alices.delete(f"/api/chats/{uri}/messages/1/").status_code == 403
    assert bobs.get(f"/api/chats/{uri}/members/").json()["count"] == 2


def test_a_direct_chat_cannot_be_joined_by_code(client_for, alice, bob, make_user):
    uri = open_direct(client_for(alice), "bob").json()["uri"]
    assert ChatSession.objects.get(uri=uri).invite_code is None
    assert client_for(make_user()).post(f"/api/chats/{uri}/members/").status_code == 403
