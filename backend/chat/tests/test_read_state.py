"""Read marks, unread and mention counts, and the chat list they feed: its summaries, ETag and cost."""

import httpx
import pytest
from asgiref.sync import sync_to_async

from backend.chat.lean_poll import LANES
from backend.chat.models import ChatSession, Membership
from backend.testing.api import add_member, join, person, post_message, token_of
from backend.testing.sockets import open_socket
from backend.web.lanes import LeanLanes


def summary_of(client, uri):
    [found] = [chat for chat in client.get("/api/chats/").json() if chat["uri"] == uri]
    return found


def mark(client, uri, seq):
    return client.post(f"/api/chats/{uri}/read/", {"seq": seq}, format="json")


@pytest.fixture
def pair(client_for, alice, bob, chat):
    """Alice's chat with Bob in it from the start (no join message): seqs start at 1."""
    add_member(chat, bob)
    return client_for(alice), client_for(bob)


class TestReadMarks:
    def test_unread_is_last_seq_minus_the_mark(self, pair, chat):
        alices, bobs = pair
        for n in range(3):
            post_message(alices, chat, f"m{n}")
        assert summary_of(bobs, chat)["unread_count"] == 3
        response = mark(bobs, chat, 2)
        assert response.status_code == 200
        assert response.json() == {"uri": chat, "last_read_seq": 2, "last_seq": 3, "unread_count": 1}
        assert summary_of(bobs, chat)["unread_count"] == 1 and summary_of(bobs, chat)["last_read_seq"] == 2

    def test_the_mark_only_moves_forward(self, pair, chat):
        alices, bobs = pair
        for n in range(3):
            post_message(alices, chat, f"m{n}")
        mark(bobs, chat, 3)
        assert mark(bobs, chat, 1).json()["last_read_seq"] == 3
        assert mark(bobs, chat, 0).json()["unread_count"] == 0

    def test_a_mark_beyond_the_last_message_is_clamped(self, pair, chat):
        alices, bobs = pair
        post_message(alices, chat, "one")
        assert mark(bobs, chat, 10**30).json()["last_read_seq"] == 1
        post_message(alices, chat, "two")
        assert summary_of(bobs, chat)["unread_count"] == 1

    def test_posting_reads_up_to_ones_own_message(self, pair, chat):
        alices, bobs = pair
        post_message(alices, chat, "one")
        post_message(alices, chat, "two")
        post_message(bobs, chat, "three")
        assert summary_of(bobs, chat)["unread_count"] == 0 and summary_of(alices, chat)["unread_count"] == 1

    def test_ones_own_join_is_no_news_to_one(self, client_for, bob, chat):
        join(client_for(bob), chat)
        assert summary_of(client_for(bob), chat)["unread_count"] == 0

    def test_the_chat_shows_the_callers_mark(self, pair, chat):
        alices, bobs = pair
        post_message(alices, chat, "one")
        assert bobs.get(f"/api/chats/{chat}/").json()["last_read_seq"] == 0
        assert alices.get(f"/api/chats/{chat}/").json()["last_read_seq"] == 1

    @pytest.mark.parametrize("body", [{"seq": -1}, {"seq": "3"}, {"seq": 1.5}, {"seq": True}, {"seq": None}, {}])
    def test_a_bad_seq_is_400(self, pair, chat, body):
        _, bobs = pair
        response = bobs.post(f"/api/chats/{chat}/read/", body, format="json")
        assert response.status_code == 400 and "seq" in response.json()

    def test_a_body_that_is_not_an_object_is_400(self, pair, chat):
        _, bobs = pair
        response = bobs.post(f"/api/chats/{chat}/read/", "[1]", content_type="application/json")
        assert response.status_code == 400

    def test_non_members_and_unknown_chats(self, client_for, make_user, chat, api_client):
        outsider = client_for(make_user("carol"))
        assert mark(outsider, chat, 1).status_code == 403
        assert mark(outsider, "nosuchchat", 1).status_code == 404
        assert mark(api_client, chat, 1).status_code == 401


class TestMentions:
    def test_mentions_count_until_the_chat_is_read_past_them(self, pair, chat):
        alices, bobs = pair
        post_message(alices, chat, "@bob look")
        post_message(alices, chat, "plain")
        post_message(alices, chat, "@bob again")
        assert summary_of(bobs, chat)["mention_count"] == 2
        mark(bobs, chat, 2)
        assert summary_of(bobs, chat)["mention_count"] == 1
        inbox = bobs.get("/api/notifications/?unread=1").json()
        assert [n["seq"] for n in inbox] == [3] and inbox[0]["session"] == chat

    def test_mark_all_read(self, pair, chat):
        alices, bobs = pair
        post_message(alices, chat, "@bob one")
        post_message(alices, chat, "@bob two")
        assert bobs.post("/api/notifications/read-all/").json() == {"marked": 2}
        assert bobs.get("/api/notifications/?unread=1").json() == []
        assert summary_of(bobs, chat)["mention_count"] == 0
        assert bobs.post("/api/notifications/read-all/").json() == {"marked": 0}


class TestTheList:
    def test_a_summary_has_what_the_list_shows(self, pair, chat, alice, bob):
        alices, bobs = pair
        post_message(alices, chat, "hello\n  there " + "x" * 300)
        found = summary_of(bobs, chat)
        assert set(found) == {
            "uri", "title", "kind", "owner", "member_count", "members_preview", "last_message", "last_seq",
            "last_read_seq", "unread_count", "mention_count", "last_activity_at", "role",
        }  # fmt: skip
        assert found["member_count"] == 2 and found["role"] == "member"
        assert found["members_preview"] == [person(alice), person(bob)]
        last = found["last_message"]
        assert last["seq"] == 1 and last["user"]["username"] == "alice" and last["kind"] == "text"
        assert last["excerpt"].startswith("hello there x") and len(last["excerpt"]) == 120
        assert summary_of(alices, chat)["role"] == "owner"

    def test_a_system_message_is_told_in_words(self, client_for, bob, chat):
        join(client_for(bob), chat)
        last = summary_of(client_for(bob), chat)["last_message"]
        assert last["kind"] == "system" and last["excerpt"] == "bob joined"

    def test_latest_activity_first(self, client_for, alice):
        alices = client_for(alice)
        first = alices.post("/api/chats/", {"title": "first"}, format="json").json()["uri"]
        second = alices.post("/api/chats/", {"title": "second"}, format="json").json()["uri"]
        post_message(alices, first, "news")
        assert [chat["uri"] for chat in alices.get("/api/chats/").json()][:2] == [first, second]

    def test_the_preview_stops_at_five(self, client_for, alice, make_user, chat):
        for n in range(7):
            add_member(chat, make_user(f"m{n}"))
        found = summary_of(client_for(alice), chat)
        assert found["member_count"] == 8 and len(found["members_preview"]) == 5
        assert found["members_preview"][0]["username"] == "alice"

    def test_the_cost_does_not_grow_with_chats_members_or_history(
        self, client_for, alice, make_user, chat, django_assert_num_queries
    ):
        alices = client_for(alice)
        with django_assert_num_queries(5):  # token, ETag, memberships (+ counts), previews, last messages
            alices.get("/api/chats/")
        session = ChatSession.objects.get(uri=chat)
        Membership.objects.bulk_create(Membership(session=session, user=make_user()) for _ in range(30))
        for n in range(20):
            uri = alices.post("/api/chats/", {"title": f"c{n}"}, format="json").json()["uri"]
            post_message(alices, uri, f"@alice {n}")
        with django_assert_num_queries(5):
            assert len(alices.get("/api/chats/").json()) == 21


class TestTheListsETag:
    def test_304_until_something_changes_for_the_caller(self, pair, chat):
        alices, bobs = pair
        first = bobs.get("/api/chats/")
        etag = first["ETag"]
        assert bobs.get("/api/chats/", HTTP_IF_NONE_MATCH=etag).status_code == 304
        post_message(alices, chat, "news")
        second = bobs.get("/api/chats/", HTTP_IF_NONE_MATCH=etag)
        assert second.status_code == 200 and second["ETag"] != etag
        etag = second["ETag"]
        mark(bobs, chat, 1)
        assert bobs.get("/api/chats/", HTTP_IF_NONE_MATCH=etag).status_code == 200

    def test_a_mention_read_in_the_inbox_changes_it(self, pair, chat):
        alices, bobs = pair
        post_message(alices, chat, "@bob hi")
        etag = bobs.get("/api/chats/")["ETag"]
        bobs.post("/api/notifications/read-all/")
        assert bobs.get("/api/chats/", HTTP_IF_NONE_MATCH=etag).status_code == 200

    def test_leaving_changes_it(self, pair, chat):
        _, bobs = pair
        etag = bobs.get("/api/chats/")["ETag"]
        bobs.delete(f"/api/chats/{chat}/members/me/")
        response = bobs.get("/api/chats/", HTTP_IF_NONE_MATCH=etag)
        assert response.status_code == 200 and response.json() == []

    def test_another_users_activity_does_not(self, client_for, make_user, pair, chat):
        _, bobs = pair
        etag = bobs.get("/api/chats/")["ETag"]
        carols = client_for(make_user("carol"))
        post_message(carols, carols.post("/api/chats/", {}, format="json").json()["uri"], "elsewhere")
        assert bobs.get("/api/chats/", HTTP_IF_NONE_MATCH=etag).status_code == 304


@pytest.mark.django_db(transaction=True)
class TestLive:
    async def test_the_lean_lane_answers_the_idle_list_poll(self, client_for, alice, chat):
        token = await sync_to_async(token_of)(alice)
        etag = (await sync_to_async(lambda: client_for(alice).get("/api/chats/"))())["ETag"]

        class Spy:
            calls = 0

            async def __call__(self, scope, receive, send):
                Spy.calls += 1
                await send({"type": "http.response.start", "status": 299, "headers": []})
                await send({"type": "http.response.body", "body": b""})

        app = LeanLanes(Spy(), LANES)
        async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://localhost") as client:
            headers = {"Authorization": f"Token {token}", "If-None-Match": etag}
            idle = await client.get("/api/chats/", headers=headers)
            assert idle.status_code == 304 and idle.headers["etag"] == etag and Spy.calls == 0
            stale = await client.get("/api/chats/", headers={**headers, "If-None-Match": '"old"'})
            wrong = await client.get("/api/chats/", headers={**headers, "Authorization": "Token " + "0" * 40})
            assert stale.status_code == wrong.status_code == 299 and Spy.calls == 2

    async def test_a_new_message_pushes_each_member_their_summary(self, client_for, alice, bob, chat):
        await sync_to_async(add_member)(chat, bob)
        listener = await open_socket(f"/ws/notifications/?token={await sync_to_async(token_of)(bob)}")
        await sync_to_async(lambda: post_message(client_for(alice), chat, "@bob news"), thread_sensitive=False)()
        pushed = await listener.receive_json_from()
        assert pushed["type"] == "chat"
        assert pushed["chat"] == await sync_to_async(lambda: summary_of(client_for(bob), chat))()
        assert pushed["chat"]["unread_count"] == 1 and pushed["chat"]["mention_count"] == 1
        assert (await listener.receive_json_from())["type"] == "notification"
        await sync_to_async(lambda: mark(client_for(bob), chat, 1), thread_sensitive=False)()
        read = await listener.receive_json_from()
        assert read["chat"]["unread_count"] == 0 and read["chat"]["mention_count"] == 0
        await listener.disconnect()

    async def test_a_removed_member_hears_the_chat_is_gone(self, client_for, alice, bob, chat):
        await sync_to_async(add_member)(chat, bob)
        listener = await open_socket(f"/ws/notifications/?token={await sync_to_async(token_of)(bob)}")
        await sync_to_async(lambda: client_for(alice).delete(f"/api/chats/{chat}/members/{bob.id}/"))()
        assert await listener.receive_json_from() == {"type": "chat_removed", "chat_removed": {"uri": chat}}
        await listener.disconnect()


def test_read_marks_have_a_limit_of_their_own(pair, chat, settings, monkeypatch):
    from backend.web.throttles import ChangeChatThrottle, ReadMarkThrottle

    settings.RATE_LIMITS_ON = True
    monkeypatch.setitem(ReadMarkThrottle.THROTTLE_RATES, "read_mark", "2/min")
    monkeypatch.setitem(ChangeChatThrottle.THROTTLE_RATES, "change_message", "1/min")
    alices, bobs = pair
    post_message(alices, chat, "one")
    assert [mark(bobs, chat, 1).status_code for _ in range(3)] == [200, 200, 429]
    assert bobs.put(f"/api/chats/{chat}/messages/1/reactions/%F0%9F%91%8D/").status_code == 200  # not used up
