"""Invites: joining with the code (not the URI), resetting it, and the rate limit on joining."""

import importlib

import pytest
from django.apps import apps
from django.db import connection

from backend.chat.models import ChatSession, Notification
from backend.testing.api import invite_code, join, person, read_messages
from backend.web.throttles import JoinChatThrottle

pytestmark = pytest.mark.django_db

INVALID = {"detail": "This invite link is not valid (it may have been reset)."}


def join_with(client, code):
    return client.post("/api/chats/join/", {"code": code}, format="json")


def test_joining_with_the_code_makes_me_a_member_once(client_for, alice, bob, chat):
    bobs = client_for(bob)
    joined = join_with(bobs, invite_code(chat))
    assert joined.status_code == 201
    body = joined.json()
    assert body["uri"] == chat and body["role"] == "member" and body["member_count"] == 2
    assert {m["username"] for m in body["members"]} == {"alice", "bob"}
    again = join_with(bobs, invite_code(chat))
    assert again.status_code == 200 and again.json()["member_count"] == 2
    assert bobs.get(f"/api/chats/{chat}/").status_code == 200


def test_a_join_is_told_in_the_chat_and_the_owner_hears_of_it(client_for, alice, bob, chat):
    join(client_for(bob), chat)
    join(client_for(bob), chat)
    [told] = read_messages(client_for(alice), chat).json()["messages"]
    assert told["kind"] == "system" and told["message"] == "" and told["seq"] == 1
    assert told["event"] == {"type": "join", "user": person(bob)}
    assert told["user"]["id"] == bob.id
    assert Notification.objects.filter(recipient=alice, kind="join").count() == 1


@pytest.mark.parametrize(
    "code",
    ["AAAAAAAAAAAAAAAA", "short", "../../etc", "x" * 500, "with space", "ünïcödé", "%00"],
)
def test_any_other_code_is_the_same_404_whether_or_not_a_chat_exists(client_for, bob, chat, code):
    response = join_with(client_for(bob), code)
    assert response.status_code == 404 and response.json() == INVALID


def test_a_chats_uri_is_no_invite_code(client_for, bob, chat):
    response = join_with(client_for(bob), chat)
    assert response.status_code == 404 and response.json() == INVALID


@pytest.mark.parametrize("body, field", [({}, "code"), ({"code": 5}, "code"), ({"code": None}, "code")])
def test_a_missing_or_non_string_code_is_400(client_for, bob, body, field):
    response = client_for(bob).post("/api/chats/join/", body, format="json")
    assert response.status_code == 400 and field in response.json()


def test_the_owner_resets_the_invite_and_the_old_link_dies(client_for, alice, bob, make_user, chat):
    carol = make_user("carol")
    old = invite_code(chat)
    join_with(client_for(carol), old)
    reset = client_for(alice).post(f"/api/chats/{chat}/invite/")
    assert reset.status_code == 200
    new = reset.json()["invite"]
    assert new["code"] != old and new["url"].endswith(f"/join/{new['code']}")
    refused = join_with(client_for(bob), old)
    assert refused.status_code == 404 and refused.json() == INVALID
    assert join_with(client_for(bob), new["code"]).status_code == 201
    assert client_for(carol).get(f"/api/chats/{chat}/").status_code == 200  # members stay


def test_only_the_owner_resets_the_invite(client_for, alice, bob, make_user, chat):
    join(client_for(bob), chat)
    code = invite_code(chat)
    assert client_for(bob).post(f"/api/chats/{chat}/invite/").status_code == 403
    assert client_for(make_user()).post(f"/api/chats/{chat}/invite/").status_code == 403
    assert client_for(alice).post("/api/chats/noSuchChat000000/invite/").status_code == 404
    assert invite_code(chat) == code


def test_every_member_sees_the_invite(client_for, bob, chat):
    join(client_for(bob), chat)
    assert client_for(bob).get(f"/api/chats/{chat}/").json()["invite"]["code"] == invite_code(chat)


def test_joining_too_fast_is_429(client_for, bob, chat, settings, monkeypatch):
    settings.RATE_LIMITS_ON = True
    monkeypatch.setitem(JoinChatThrottle.THROTTLE_RATES, "join_chat", "3/hour")
    bobs = client_for(bob)
    for _ in range(3):
        assert join_with(bobs, "wrongwrongwrong0").status_code == 404  # guesses count too
    refused = join_with(bobs, invite_code(chat))
    assert refused.status_code == 429 and int(refused["Retry-After"]) > 0


def test_existing_chats_get_a_code_each_when_migrating(alice):
    """The data migration: every chat made before invites existed gets its own fresh code."""
    sessions = [ChatSession.objects.create(owner=alice, invite_code=None) for _ in range(3)]
    migration = importlib.import_module("backend.chat.migrations.0004_chat_management")
    migration.give_each_chat_an_invite_code(apps, connection.schema_editor())
    codes = set(ChatSession.objects.filter(pk__in=[s.pk for s in sessions]).values_list("invite_code", flat=True))
    assert len(codes) == 3 and None not in codes
    assert all(len(code) == 16 for code in codes)  # 12 random bytes: 96 bits
