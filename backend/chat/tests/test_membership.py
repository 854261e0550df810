"""Members and roles: the paged member list, leaving, removal by the owner, ownership passing on."""

import pytest

from backend.chat.models import ChatSession, Membership
from backend.testing.api import add_member, join, person, post_message, read_messages

pytestmark = pytest.mark.django_db


@pytest.fixture
def carol(make_user):
    return make_user("carol")


@pytest.fixture
def team(client_for, bob, carol, chat):
    """Alice's chat, which Bob and then Carol joined."""
    join(client_for(bob), chat)
    join(client_for(carol), chat)
    return chat


def events(client, uri) -> list[dict]:
    return [m["event"] for m in read_messages(client, uri).json()["messages"] if m["kind"] == "system"]


def leave(client, uri):
    return client.delete(f"/api/chats/{uri}/members/me/")


def remove(client, uri, user):
    return client.delete(f"/api/chats/{uri}/members/{user.id}/")


def user_ref(user):
    return person(user)


class TestTheMemberList:
    def test_members_are_listed_with_roles_longest_standing_first(self, client_for, alice, bob, carol, team):
        page = client_for(carol).get(f"/api/chats/{team}/members/").json()
        assert page["count"] == 3 and page["next"] is None and page["previous"] is None
        assert [(m["user"]["username"], m["role"]) for m in page["results"]] == [
            ("alice", "owner"),
            ("bob", "member"),
            ("carol", "member"),
        ]
        assert all(m["joined_at"] for m in page["results"])

    def test_it_pages_by_fifty(self, client_for, alice, make_user, chat):
        for _ in range(59):
            add_member(chat, make_user())
        first = client_for(alice).get(f"/api/chats/{chat}/members/").json()
        assert first["count"] == 60 and len(first["results"]) == 50 and first["next"].endswith("page=2")
        second = client_for(alice).get(f"/api/chats/{chat}/members/?page=2").json()
        assert len(second["results"]) == 10 and second["next"] is None
        assert client_for(alice).get(f"/api/chats/{chat}/members/?page=3").status_code == 404

    def test_only_members_see_it(self, client_for, carol, chat):
        assert client_for(carol).get(f"/api/chats/{chat}/members/").status_code == 403
        assert client_for(carol).get("/api/chats/noSuchChat000000/members/").status_code == 404


class TestLeaving:
    def test_a_member_leaves_and_it_is_told(self, client_for, alice, bob, team):
        bobs = client_for(bob)
        assert leave(bobs, team).status_code == 204
        assert bobs.get(f"/api/chats/{team}/").status_code == 403
        assert read_messages(bobs, team).status_code == 403
        assert post_message(bobs, team, "still here?").status_code == 403
        assert [c["uri"] for c in bobs.get("/api/chats/").json()] == []
        assert events(client_for(alice), team)[-1] == {"type": "leave", "user": user_ref(bob)}
        assert client_for(alice).get(f"/api/chats/{team}/").json()["member_count"] == 2

    def test_leaving_twice_is_403(self, client_for, bob, team):
        leave(client_for(bob), team)
        assert leave(client_for(bob), team).status_code == 403

    def test_the_owner_leaving_hands_the_chat_to_the_longest_standing_member(self, client_for, alice, bob, team):
        assert leave(client_for(alice), team).status_code == 204
        session = client_for(bob).get(f"/api/chats/{team}/").json()
        assert session["owner"]["username"] == "bob" and session["role"] == "owner"
        assert events(client_for(bob), team)[-1] == {
            "type": "leave",
            "user": user_ref(alice),
            "owner": user_ref(bob),
        }
        assert client_for(bob).patch(f"/api/chats/{team}/", {"title": "Bob's now"}, format="json").status_code == 200

    def test_the_earliest_to_join_inherits_not_the_lowest_id(self, client_for, alice, bob, carol, chat):
        join(client_for(carol), chat)
        join(client_for(bob), chat)
        leave(client_for(alice), chat)
        assert ChatSession.objects.get(uri=chat).owner == carol

    def test_the_last_member_leaving_deletes_the_chat(self, client_for, alice, bob, chat):
        join(client_for(bob), chat)
        post_message(client_for(bob), chat, "bye")
        leave(client_for(alice), chat)
        assert leave(client_for(bob), chat).status_code == 204
        assert not ChatSession.objects.filter(uri=chat).exists()
        assert client_for(bob).get(f"/api/chats/{chat}/").status_code == 404


class TestRemoval:
    def test_the_owner_removes_a_member(self, client_for, alice, bob, carol, team):
        assert remove(client_for(alice), team, bob).status_code == 204
        bobs = client_for(bob)
        assert bobs.get(f"/api/chats/{team}/").status_code == 403
        assert read_messages(bobs, team).status_code == 403
        assert read_messages(bobs, team, "?since=0").status_code == 403
        assert bobs.get(f"/api/chats/{team}/members/").status_code == 403
        assert bobs.get("/api/chats/").json() == []
        assert events(client_for(carol), team)[-1] == {"type": "remove", "user": user_ref(bob), "by": user_ref(alice)}

    def test_a_removed_member_cannot_walk_back_in_by_the_uri(self, client_for, alice, bob, team):
        remove(client_for(alice), team, bob)
        assert client_for(bob).post(f"/api/chats/{team}/members/").status_code == 403

    def test_after_a_reset_the_old_code_keeps_them_out(self, client_for, alice, bob, team):
        from backend.testing.api import invite_code

        old = invite_code(team)
        remove(client_for(alice), team, bob)
        client_for(alice).post(f"/api/chats/{team}/invite/")
        assert client_for(bob).post("/api/chats/join/", {"code": old}, format="json").status_code == 404

    def test_members_cannot_remove_anyone(self, client_for, alice, bob, carol, team):
        assert remove(client_for(bob), team, carol).status_code == 403
        assert remove(client_for(bob), team, alice).status_code == 403
        assert Membership.objects.filter(session__uri=team).count() == 3

    def test_outsiders_cannot_remove_anyone(self, client_for, bob, make_user, team):
        assert remove(client_for(make_user()), team, bob).status_code == 403

    def test_removing_someone_who_is_not_a_member_is_404(self, client_for, alice, make_user, team):
        assert remove(client_for(alice), team, make_user()).status_code == 404
        assert client_for(alice).delete(f"/api/chats/{team}/members/99999999/").status_code == 404
        assert client_for(alice).delete(f"/api/chats/{team}/members/bob/").status_code == 404  # ids only, or me

    def test_removing_oneself_is_leaving(self, client_for, alice, bob, team):
        assert remove(client_for(bob), team, bob).status_code == 204
        assert events(client_for(alice), team)[-1]["type"] == "leave"
        assert remove(client_for(alice), team, alice).status_code == 204
        assert ChatSession.objects.get(uri=team).owner.username == "carol"

    def test_each_change_takes_the_next_seq_and_rev(self, client_for, alice, bob, team):
        post_message(client_for(alice), team, "hello")
        remove(client_for(alice), team, bob)
        messages = read_messages(client_for(alice), team).json()["messages"]
        assert [m["seq"] for m in messages] == [1, 2, 3, 4]
        assert [m["rev"] for m in messages] == [1, 2, 3, 4]
        assert [m["event"]["type"] if m["event"] else m["message"] for m in messages] == [
            "join",
            "join",
            "hello",
            "remove",
        ]
