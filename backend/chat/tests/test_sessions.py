"""Chat sessions: start one, list mine, read one as a member; v1's join by URI is no way in any more."""

import re

import pytest

from backend.testing.api import invite_code, join, person

pytestmark = pytest.mark.django_db


def test_starting_a_chat_makes_me_owner_and_member(client_for, alice):
    response = client_for(alice).post("/api/chats/", {"title": "  Team  "}, format="json")
    assert response.status_code == 201
    body = response.json()
    assert body["title"] == "Team"
    assert body["owner"] == person(alice)
    assert body["members"] == [person(alice)]
    assert body["last_seq"] == 0
    assert body["kind"] == "group" and body["role"] == "owner" and body["member_count"] == 1
    code = body["invite"]["code"]
    assert body["invite"]["url"] == f"http://testserver/join/{code}"


def test_a_chat_needs_no_body(client_for, alice):
    response = client_for(alice).post("/api/chats/")
    assert response.status_code == 201 and response.json()["title"] == ""


def test_the_uri_is_url_safe_random_and_unique(client_for, alice):
    client = client_for(alice)
    uris = {client.post("/api/chats/").json()["uri"] for _ in range(20)}
    assert len(uris) == 20
    for uri in uris:
        assert re.fullmatch(r"[A-Za-z0-9_-]{16}", uri)  # 16 base64 characters carry 96 random bits


def test_bad_titles_are_400_with_the_field(client_for, alice):
    client = client_for(alice)
    assert "title" in client.post("/api/chats/", {"title": 5}, format="json").json()
    assert client.post("/api/chats/", {"title": "x" * 201}, format="json").status_code == 400
    assert client.post("/api/chats/", [1], format="json").status_code == 400


def test_my_chats_are_listed_latest_activity_first(client_for, alice, bob):
    client = client_for(alice)
    first = client.post("/api/chats/", {"title": "first"}, format="json").json()["uri"]
    client.post("/api/chats/", {"title": "second"}, format="json")
    client_for(bob).post("/api/chats/", {"title": "not mine"}, format="json")
    client.post(f"/api/chats/{first}/messages/", {"message": "bump"}, format="json")

    titles = [chat["title"] for chat in client.get("/api/chats/").json()]
    assert titles == ["first", "second"]


def test_member_reads_the_session(client_for, alice, chat):
    response = client_for(alice).get(f"/api/chats/{chat}/")
    assert response.status_code == 200 and response.json()["uri"] == chat


def test_non_member_cannot_read_the_session(client_for, bob, chat):
    response = client_for(bob).get(f"/api/chats/{chat}/")
    assert response.status_code == 403 and "detail" in response.json()


def test_unknown_uri_is_404(client_for, alice):
    assert client_for(alice).get("/api/chats/doesNotExist123/").status_code == 404
    assert client_for(alice).post("/api/chats/doesNotExist123/members/").status_code == 404


def test_the_uri_alone_no_longer_lets_anyone_in(client_for, alice, bob, chat):
    """v1 joined by POSTing to the URI; a removed member could walk straight back in that way."""
    refused = client_for(bob).post(f"/api/chats/{chat}/members/")
    assert refused.status_code == 403 and "invite" in refused.json()["detail"]
    assert client_for(bob).get(f"/api/chats/{chat}/").status_code == 403


def test_the_old_join_is_a_no_op_for_a_member(client_for, alice, chat):
    again = client_for(alice).post(f"/api/chats/{chat}/members/")
    assert again.status_code == 200 and again.json()["uri"] == chat and again.json()["member_count"] == 1


def test_nobody_can_add_someone_else(client_for, alice, bob, make_user, chat):
    carol = make_user("carol")
    join(client_for(bob), chat)
    client_for(bob).post(f"/api/chats/{chat}/members/", {"user": carol.id, "username": "carol"}, format="json")
    client_for(bob).post("/api/chats/join/", {"code": invite_code(chat), "user": carol.id}, format="json")
    assert client_for(carol).get(f"/api/chats/{chat}/").status_code == 403


def test_my_list_shows_my_role_and_the_member_count(client_for, alice, bob, chat):
    join(client_for(bob), chat)
    [mine] = client_for(bob).get("/api/chats/").json()
    assert mine["role"] == "member" and mine["member_count"] == 2
    assert "invite" not in mine and "members" not in mine  # a summary: the chat itself has them


def test_wrong_method_is_405(client_for, alice, chat):
    response = client_for(alice).put(f"/api/chats/{chat}/", {"title": "x"}, format="json")
    assert response.status_code == 405 and "detail" in response.json()


def test_healthz_checks_the_database(api_client):
    response = api_client.get("/healthz")
    assert response.status_code == 200 and response.json() == {"status": "ok", "database": "ok"}


def test_openapi_schema_and_docs_are_served(api_client):
    assert api_client.get("/api/schema/").status_code == 200
    assert api_client.get("/api/docs/").status_code == 200


def test_unknown_api_path_is_a_json_404(api_client):
    response = api_client.get("/api/nothing-here/")
    assert response.status_code == 404 and response.json() == {"detail": "Not found."}


def test_cors_answers_only_configured_origins(client_for, alice, settings):
    settings.CORS_ALLOWED_ORIGINS = ["https://chat.example.org"]
    client = client_for(alice)
    allowed = client.get("/api/chats/", HTTP_ORIGIN="https://chat.example.org")
    assert allowed["Access-Control-Allow-Origin"] == "https://chat.example.org"
    assert "ETag" in allowed["Access-Control-Expose-Headers"]
    assert "Access-Control-Allow-Origin" not in client.get("/api/chats/", HTTP_ORIGIN="https://evil.example")


def test_errors_never_show_a_traceback(client_for, alice, chat, monkeypatch):
    from backend.chat import selectors

    def broken(**kwargs):
        raise RuntimeError("secret internals")

    monkeypatch.setattr(selectors, "message_page", broken)
    client = client_for(alice)
    client.raise_request_exception = False
    response = client.get(f"/api/chats/{chat}/messages/?after=0")
    assert response.status_code == 500
    assert response.json() == {"detail": "Internal server error."}
