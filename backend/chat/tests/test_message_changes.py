"""Messages that change: the rev cursor, edits, deletes, reactions and replies, through the API."""

import pytest

from backend.autoreply.models import BotJob
from backend.chat.models import ChatSession, Message, Notification
from backend.testing.api import add_member, person, post_message, read_messages, seqs

pytestmark = pytest.mark.django_db

THUMBS = "%F0%9F%91%8D"  # 👍, URL-encoded as the app sends it


def edit(client, uri, seq, text):
    return client.patch(f"/api/chats/{uri}/messages/{seq}/", {"message": text}, format="json")


def delete(client, uri, seq):
    return client.delete(f"/api/chats/{uri}/messages/{seq}/")


def react(client, uri, seq, emoji=THUMBS, method="put"):
    return getattr(client, method)(f"/api/chats/{uri}/messages/{seq}/reactions/{emoji}/")


def changes(client, uri, since, **params):
    query = "&".join(f"{name}={value}" for name, value in {"since": since, **params}.items())
    response = read_messages(client, uri, f"?{query}")
    assert response.status_code == 200, response.content
    return response.json()


def session_rev(uri) -> int:
    return ChatSession.objects.get(uri=uri).rev


class TestTheChangeCursor:
    def test_since_returns_every_kind_of_change_in_rev_order(self, alices, bobs, chat):
        for text in ["one", "two", "three"]:
            post_message(alices, chat, text)
        start = changes(alices, chat, 0)
        assert [m["rev"] for m in start["messages"]] == [1, 2, 3] and start["rev"] == 3
        assert start["has_more"] is False and start["last_seq"] == 3

        edit(alices, chat, 1, "one, fixed")
        react(bobs, chat, 3)
        delete(alices, chat, 2)
        page = changes(bobs, chat, 3)
        assert [(m["seq"], m["rev"]) for m in page["messages"]] == [(1, 4), (3, 5), (2, 6)]
        first, third, second = page["messages"]
        assert first["message"] == "one, fixed" and first["edited_at"]
        assert third["reactions"][0]["emoji"] == "👍"
        assert second["deleted"] is True and second["message"] == ""
        assert page["rev"] == 6 and page["last_seq"] == 3

    def test_a_current_cursor_gets_an_empty_page_with_the_same_rev(self, alices, chat):
        post_message(alices, chat, "hi")
        assert changes(alices, chat, 1) == {"uri": chat, "messages": [], "rev": 1, "last_seq": 1, "has_more": False}

    def test_has_more_pages_through_changes_and_the_cursor_stops_at_the_page(self, alices, chat):
        for i in range(5):
            post_message(alices, chat, f"m{i}")
        page = changes(alices, chat, 0, limit=2)
        assert seqs_of(page) == [1, 2] and page["has_more"] is True and page["rev"] == 2
        page = changes(alices, chat, page["rev"], limit=2)
        assert seqs_of(page) == [3, 4] and page["has_more"] is True
        page = changes(alices, chat, page["rev"], limit=2)
        assert seqs_of(page) == [5] and page["has_more"] is False and page["rev"] == 5

    def test_a_history_page_names_the_rev_to_poll_from(self, alices, chat):
        for i in range(3):
            post_message(alices, chat, f"m{i}")
        edit(alices, chat, 1, "edited")
        newest = read_messages(alices, chat, "?limit=2").json()
        assert seqs(read_messages(alices, chat, "?limit=2")) == [2, 3] and newest["rev"] == 4
        assert newest["has_more"] is True  # seq 1 is older than the page

    def test_around_reads_both_ways_from_a_seq(self, alices, chat):
        for i in range(9):
            post_message(alices, chat, f"m{i}")
        page = read_messages(alices, chat, "?around=5&limit=4").json()
        assert seqs_of(page) == [3, 4, 5, 6] and page["has_more"] is True
        assert seqs(read_messages(alices, chat, "?around=1&limit=4")) == [1, 2, 3, 4]
        assert seqs(read_messages(alices, chat, "?around=9&limit=4")) == [7, 8, 9]

    @pytest.mark.parametrize(
        "query, field",
        [("?since=-1", "since"), ("?since=x", "since"), ("?since=1&after=1", "since"), ("?around=0", "around")],
    )
    def test_bad_cursors_are_400(self, alices, chat, query, field):
        response = read_messages(alices, chat, query)
        assert response.status_code == 400 and field in response.json()

    def test_any_change_ends_the_304s_of_every_page(self, alices, bobs, chat):
        post_message(alices, chat, "hi")
        pages = ["?since=1", "?after=0", "?limit=10"]
        etags = {query: read_messages(alices, chat, query)["ETag"] for query in pages}
        for query, etag in etags.items():
            assert read_messages(alices, chat, query, HTTP_IF_NONE_MATCH=etag).status_code == 304
        react(bobs, chat, 1)
        for query, etag in etags.items():
            assert read_messages(alices, chat, query, HTTP_IF_NONE_MATCH=etag).status_code == 200

    def test_the_payload_is_the_same_for_every_viewer(self, alices, bobs, chat, bob):
        post_message(alices, chat, "hi @bob")
        react(bobs, chat, 1)
        mine, theirs = changes(alices, chat, 0)["messages"][0], changes(bobs, chat, 0)["messages"][0]
        assert mine == theirs
        assert mine["reactions"] == [{"emoji": "👍", "count": 1, "user_ids": [bob.id]}]
        assert mine["mentions"] == [bob.id]


def seqs_of(page) -> list[int]:
    return [message["seq"] for message in page["messages"]]


class TestEditing:
    def test_the_author_edits_and_everyone_sees_it_edited(self, alices, bobs, chat):
        post_message(alices, chat, "helo")
        response = edit(alices, chat, 1, "  hello  ")
        assert response.status_code == 200
        body = response.json()
        assert body["message"] == "hello" and body["edited_at"] and body["rev"] == 2
        assert read_messages(bobs, chat).json()["messages"][0]["message"] == "hello"

    def test_someone_elses_message_is_403_and_unchanged(self, alices, bobs, chat):
        post_message(alices, chat, "mine")
        response = edit(bobs, chat, 1, "yours now")
        assert response.status_code == 403 and "detail" in response.json()
        assert Message.objects.get().text == "mine" and session_rev(chat) == 1

    def test_even_the_owner_cannot_edit_others_words(self, alices, bobs, chat):
        post_message(bobs, chat, "bob's words")
        assert edit(alices, chat, 1, "alice's words").status_code == 403

    def test_unknown_seq_is_404(self, alices, chat):
        assert edit(alices, chat, 7, "nothing here").status_code == 404
        assert edit(alices, chat, 10**19, "far away").status_code == 404

    @pytest.mark.parametrize("text", ["", "   ", None, 5, "x" * 2001])
    def test_bad_text_is_400_and_nothing_changes(self, alices, chat, text):
        post_message(alices, chat, "keep me")
        response = edit(alices, chat, 1, text)
        assert response.status_code == 400 and "message" in response.json()
        assert Message.objects.get().text == "keep me" and session_rev(chat) == 1

    def test_the_same_text_is_no_change(self, alices, chat):
        post_message(alices, chat, "same")
        assert edit(alices, chat, 1, "same").json()["edited_at"] is None
        assert session_rev(chat) == 1

    def test_a_deleted_message_cannot_be_edited(self, alices, chat):
        post_message(alices, chat, "gone soon")
        delete(alices, chat, 1)
        response = edit(alices, chat, 1, "back")
        assert response.status_code == 409 and "detail" in response.json()

    def test_non_members_cannot_edit(self, client_for, make_user, alices, chat):
        post_message(alices, chat, "hi")
        assert edit(client_for(make_user()), chat, 1, "x").status_code == 403

    def test_an_edited_slash_message_is_not_answered_again(self, alices, chat):
        post_message(alices, chat, "/roll 1d6")
        assert BotJob.objects.count() == 1
        edit(alices, chat, 1, "/roll 2d6")
        assert BotJob.objects.count() == 1

    def test_a_newly_mentioned_member_hears_of_it_once(self, alices, bobs, chat, bob):
        post_message(alices, chat, "hello")
        edit(alices, chat, 1, "hello @bob")
        edit(alices, chat, 1, "hello @bob!")
        assert Notification.objects.filter(recipient=bob, kind=Notification.MENTION).count() == 1


class TestDeleting:
    def test_the_author_deletes_and_a_tombstone_keeps_the_seq(self, alices, bobs, chat):
        post_message(alices, chat, "oops")
        post_message(alices, chat, "fine")
        assert delete(alices, chat, 1).status_code == 204
        assert seqs(read_messages(bobs, chat)) == [1, 2]
        tombstone = read_messages(bobs, chat).json()["messages"][0]
        assert tombstone["deleted"] is True and tombstone["message"] == "" and tombstone["reactions"] == []

    def test_the_owner_deletes_anyones_message_others_cannot(self, client_for, make_user, alices, bobs, chat):
        post_message(alices, chat, "from alice")
        post_message(bobs, chat, "from bob")
        carol_user = make_user()
        add_member(chat, carol_user)
        carol = client_for(carol_user)
        assert delete(carol, chat, 2).status_code == 403
        assert delete(bobs, chat, 1).status_code == 403
        assert delete(alices, chat, 2).status_code == 204

    def test_deleting_twice_changes_nothing(self, alices, chat):
        post_message(alices, chat, "once")
        delete(alices, chat, 1)
        rev = session_rev(chat)
        assert delete(alices, chat, 1).status_code == 204 and session_rev(chat) == rev

    def test_its_reactions_and_mention_notifications_go_with_it(self, alices, bobs, chat, bob):
        post_message(alices, chat, "hey @bob")
        react(bobs, chat, 1)
        assert Notification.objects.filter(recipient=bob).exists()
        delete(alices, chat, 1)
        assert not Notification.objects.filter(recipient=bob).exists()
        assert read_messages(bobs, chat).json()["messages"][0]["reactions"] == []

    def test_a_reply_stops_quoting_a_deleted_original(self, alices, bobs, chat):
        post_message(alices, chat, "secret")
        bobs.post(f"/api/chats/{chat}/messages/", {"message": "what?", "reply_to": 1}, format="json")
        delete(alices, chat, 1)
        changed = changes(bobs, chat, 2)["messages"]
        assert [m["seq"] for m in changed] == [1, 2]
        assert changed[1]["reply_to"]["excerpt"] == "" and changed[1]["reply_to"]["deleted"] is True


class TestReactions:
    def test_one_per_user_per_emoji_with_counts_and_who(self, alices, bobs, chat, alice, bob):
        post_message(alices, chat, "vote")
        assert react(alices, chat, 1).status_code == 200
        react(alices, chat, 1)  # again: no change
        react(bobs, chat, 1)
        body = react(bobs, chat, 1, "%E2%9D%A4%EF%B8%8F").json()  # ❤️
        assert body["reactions"] == [
            {"emoji": "👍", "count": 2, "user_ids": [alice.id, bob.id]},
            {"emoji": "❤️", "count": 1, "user_ids": [bob.id]},
        ]
        body = react(alices, chat, 1, method="delete").json()
        assert body["reactions"][0] == {"emoji": "👍", "count": 1, "user_ids": [bob.id]}

    @pytest.mark.parametrize(
        "emoji", ["%F0%9F%91%A8%E2%80%8D%F0%9F%91%A9%E2%80%8D%F0%9F%91%A7", "%F0%9F%87%AF%F0%9F%87%B5"]
    )
    def test_sequences_and_flags_are_one_emoji(self, alices, chat, emoji):
        post_message(alices, chat, "family, flag")
        assert react(alices, chat, 1, emoji).status_code == 200

    @pytest.mark.parametrize("emoji", ["a", "ok", THUMBS * 2, "%3Cscript%3E", "x" * 40, "%F0%9F%91%8Dx"])
    def test_anything_but_one_emoji_is_400(self, alices, chat, emoji):
        post_message(alices, chat, "hi")
        response = react(alices, chat, 1, emoji)
        assert response.status_code == 400 and "emoji" in response.json()
        assert session_rev(chat) == 1

    def test_a_deleted_message_takes_no_reactions(self, alices, chat):
        post_message(alices, chat, "hi")
        delete(alices, chat, 1)
        assert react(alices, chat, 1).status_code == 409

    def test_unknown_seq_is_404_and_non_members_403(self, client_for, make_user, alices, chat):
        assert react(alices, chat, 3).status_code == 404
        post_message(alices, chat, "hi")
        assert react(client_for(make_user()), chat, 1).status_code == 403

    def test_taking_back_a_reaction_one_never_made_changes_nothing(self, alices, chat):
        post_message(alices, chat, "hi")
        assert react(alices, chat, 1, method="delete").status_code == 200 and session_rev(chat) == 1


class TestReplies:
    def test_a_reply_quotes_its_original(self, alices, bobs, chat, alice):
        post_message(alices, chat, "lunch at noon?")
        response = bobs.post(f"/api/chats/{chat}/messages/", {"message": "yes", "reply_to": 1}, format="json")
        assert response.status_code == 201
        assert response.json()["reply_to"] == {
            "seq": 1, "user": person(alice), "excerpt": "lunch at noon?", "deleted": False
        }  # fmt: skip

    def test_an_edit_of_the_original_changes_the_quote_for_pollers(self, alices, bobs, chat):
        post_message(alices, chat, "at noon")
        bobs.post(f"/api/chats/{chat}/messages/", {"message": "ok", "reply_to": 1}, format="json")
        edit(alices, chat, 1, "at one")
        changed = {m["seq"]: m for m in changes(bobs, chat, 2)["messages"]}
        assert changed[2]["reply_to"]["excerpt"] == "at one"

    @pytest.mark.parametrize("reply_to", [99, 0, -1, "1", True, 1.5, None])
    def test_a_reply_to_no_message_of_this_chat_is_400(self, alices, client_for, alice, chat, reply_to):
        other = client_for(alice).post("/api/chats/").json()["uri"]
        post_message(alices, other, "elsewhere")
        body = {"message": "re", "reply_to": reply_to}
        response = alices.post(f"/api/chats/{chat}/messages/", body, format="json")
        if reply_to is None:  # null means "not a reply"
            assert response.status_code == 201
            return
        assert response.status_code == 400 and "reply_to" in response.json()
        assert not Message.objects.filter(session__uri=chat).exists()


class TestQueryCounts:
    def test_a_poll_bringing_changes_costs_the_same_whatever_their_number(
        self, alices, bobs, chat, django_assert_num_queries
    ):
        from backend.chat.rendering import clear_cache

        for i in range(20):
            post_message(alices, chat, f"m{i}")
            react(bobs, chat, i + 1)
        clear_cache()
        with django_assert_num_queries(4):  # token, session + membership, messages (+ users), reactions
            assert len(changes(alices, chat, 0, limit=200)["messages"]) == 20
        with django_assert_num_queries(3):  # rendered once: the next tab reads no reactions
            assert len(changes(bobs, chat, 0, limit=200)["messages"]) == 20

    def test_an_edit_costs_a_fixed_number_of_queries(self, alices, chat, django_assert_num_queries):
        post_message(alices, chat, "a")
        # token, session + membership; savepoint, lock, the author still a member, the message, save,
        # its replies, the session's counters, release; then rendering the new rev reads its reactions.
        with django_assert_num_queries(11):
            assert edit(alices, chat, 1, "b").status_code == 200
