"""People appear alike everywhere: {id, username, display_name, avatar_url}, and a rename or a new
picture shows on messages rendered (and cached) before it, at their next read."""

import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from backend.accounts.tests.conftest import image_bytes
from backend.chat.lean_poll import read
from backend.chat.paging import PageQuery
from backend.testing.api import join, person, post_message, token_of

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media_in_tmp(settings, tmp_path):
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage", "OPTIONS": {"location": tmp_path}},
    }


def rename(client, name: str):
    response = client.patch("/auth/users/me/", {"display_name": name}, format="json")
    assert response.status_code == 200
    return response.json()


def new_picture(client) -> str:
    upload = SimpleUploadedFile("me.png", image_bytes(), "image/png")
    response = client.put("/api/profile/avatar/", {"file": upload}, format="multipart")
    assert response.status_code == 200
    return response.json()["avatar_url"]


def page(client, chat, query=""):
    response = client.get(f"/api/chats/{chat}/messages/{query}")
    assert response.status_code == 200
    return response.json()


def test_every_payload_carries_the_display_name_and_picture(alices, bobs, alice, chat):
    rename(alices, "Alice Liddell")
    url = new_picture(alices)
    shown = person(alice, "Alice Liddell", url)
    posted = post_message(alices, chat, "hello @bob").json()
    assert posted["user"] == shown
    reply = bobs.post(f"/api/chats/{chat}/messages/", {"message": "hi", "reply_to": posted["seq"]}, format="json")
    assert reply.json()["reply_to"]["user"] == shown
    assert page(bobs, chat)["messages"][0]["user"] == shown
    assert page(bobs, chat, "?since=0")["messages"][0]["user"] == shown
    session = bobs.get(f"/api/chats/{chat}/").json()
    assert session["owner"] == shown and shown in session["members"]
    members = bobs.get(f"/api/chats/{chat}/members/").json()["results"]
    assert shown in [member["user"] for member in members]
    (summary,) = bobs.get("/api/chats/").json()
    assert summary["owner"] == shown and summary["members_preview"][0] == shown
    assert summary["last_message"]["user"]["username"] == "bob"  # bob's reply is the newest
    (mention,) = bobs.get("/api/notifications/").json()
    assert mention["actor"] == shown
    (result,) = bobs.get("/api/search/", {"q": "hello"}).json()["results"]
    assert result["message"]["user"] == shown


def test_the_chat_list_shows_the_name_of_the_last_messages_author(alices, bobs, alice, chat):
    rename(alices, "Alice Liddell")
    post_message(alices, chat, "news")
    (summary,) = bobs.get("/api/chats/").json()
    assert summary["last_message"]["user"] == person(alice, "Alice Liddell")


def test_a_join_names_the_person_as_they_were_called_then(client_for, alice, bob, chat):
    bobs = client_for(bob)
    rename(bobs, "Bobby")
    join(bobs, chat)
    (told,) = [m for m in page(client_for(alice), chat)["messages"] if m["kind"] == "system"]
    assert told["event"]["user"] == person(bob, "Bobby")
    (summary,) = client_for(alice).get("/api/chats/").json()
    assert summary["last_message"]["excerpt"] == "Bobby joined"


def test_a_rename_shows_on_messages_rendered_before_it(alices, bobs, alice, chat):
    post_message(alices, chat, "first")
    bobs.post(f"/api/chats/{chat}/messages/", {"message": "re", "reply_to": 1}, format="json")
    before = page(bobs, chat)["messages"]  # rendered and cached
    assert before[0]["user"]["display_name"] == "" and before[1]["reply_to"]["user"]["display_name"] == ""
    rename(alices, "Alice Liddell")
    after = page(bobs, chat)["messages"]
    assert after[0]["user"]["display_name"] == "Alice Liddell"
    assert after[1]["reply_to"]["user"]["display_name"] == "Alice Liddell"
    assert [m["rev"] for m in after] == [m["rev"] for m in before]  # no message changed
    assert page(bobs, chat, "?since=0")["messages"][0]["user"]["display_name"] == "Alice Liddell"


def test_a_new_picture_shows_through_the_poll_lane(alices, bobs, bob, chat):
    post_message(alices, chat, "first")
    token = token_of(bob)
    _, changes = read(chat, token, PageQuery(since=0))
    assert json.loads(changes.messages[0])["user"]["avatar_url"] is None
    url = new_picture(alices)
    _, changes = read(chat, token, PageQuery(since=0))
    assert json.loads(changes.messages[0])["user"]["avatar_url"] == url


def test_message_pages_stay_out_of_the_browsers_cache(alices, chat):
    # The app keeps its own ETag; a page the browser revalidated by itself would bring back old
    # names after a reload (a rename does not move the chat's rev), and private messages on disk.
    post_message(alices, chat, "hi")
    assert alices.get(f"/api/chats/{chat}/messages/")["Cache-Control"] == "private, no-store"
    assert alices.get("/api/chats/")["Cache-Control"] == "private, no-store"
