"""Posting and reading messages: the cursor, validation, idempotency, ETags and query counts."""

import pytest

from backend.chat.models import Message
from backend.testing.api import join, person, seqs
from backend.testing.api import post_message as post
from backend.testing.api import read_messages as page

pytestmark = pytest.mark.django_db


@pytest.fixture
def alice_client(client_for, alice):
    return client_for(alice)


def test_a_posted_message_has_the_contract_shape(alice_client, alice, chat):
    response = post(alice_client, chat, "  hello  ")
    assert response.status_code == 201
    body = response.json()
    assert set(body) == {
        "id", "seq", "rev", "kind", "event", "user", "message", "created_at", "edited_at", "deleted",
        "is_bot", "reply_to", "reactions", "attachments", "mentions", "idempotency_key",
    }  # fmt: skip
    assert body["seq"] == 1 and body["message"] == "hello" and body["is_bot"] is False
    assert body["kind"] == "text" and body["deleted"] is False and body["edited_at"] is None
    assert body["reply_to"] is None and body["reactions"] == [] and body["mentions"] == [] and body["attachments"] == []
    assert body["user"] == person(alice)
    assert body["created_at"].endswith("Z")


def test_seq_starts_at_one_per_session_without_gaps(alice_client, chat):
    other = alice_client.post("/api/chats/").json()["uri"]
    assert [post(alice_client, chat, f"m{i}").json()["seq"] for i in range(3)] == [1, 2, 3]
    assert post(alice_client, other, "elsewhere").json()["seq"] == 1


def test_after_returns_only_newer_messages_oldest_first(alice_client, chat):
    for i in range(5):
        post(alice_client, chat, f"m{i}")
    response = page(alice_client, chat, "?after=2")
    assert response.status_code == 200
    assert seqs(response) == [3, 4, 5]
    assert response.json()["last_seq"] == 5 and response.json()["uri"] == chat


def test_without_after_the_newest_page_and_before_pages_back(alice_client, chat):
    for i in range(7):
        post(alice_client, chat, f"m{i}")
    assert seqs(page(alice_client, chat, "?limit=3")) == [5, 6, 7]
    assert seqs(page(alice_client, chat, "?before=5&limit=3")) == [2, 3, 4]
    assert seqs(page(alice_client, chat, "?before=2&limit=3")) == [1]
    assert seqs(page(alice_client, chat, "?after=5")) == [6, 7]
    assert page(alice_client, chat, "?after=7").json() == {
        "uri": chat, "messages": [], "rev": 7, "last_seq": 7, "has_more": False
    }  # fmt: skip


def test_limit_defaults_to_100_and_caps_at_200(alice_client, alice, chat):
    session_id = Message.objects.model._meta.get_field("session").related_model.objects.get(uri=chat).pk
    Message.objects.bulk_create(
        Message(session_id=session_id, seq=i, rev=i, user=alice, text=f"m{i}") for i in range(1, 251)
    )
    assert len(seqs(page(alice_client, chat, "?after=0"))) == 100
    assert len(seqs(page(alice_client, chat, "?after=0&limit=200"))) == 200


@pytest.mark.parametrize(
    "query, field",
    [
        ("?after=-1", "after"),
        ("?after=abc", "after"),
        ("?after=1.5", "after"),
        ("?before=0", "before"),
        ("?limit=0", "limit"),
        ("?limit=201", "limit"),
        ("?limit=ten", "limit"),
    ],
)
def test_bad_cursors_are_400_with_the_field(alice_client, chat, query, field):
    response = page(alice_client, chat, query)
    assert response.status_code == 400 and field in response.json()


@pytest.mark.parametrize(
    "body, reason",
    [
        ({"message": ""}, "empty"),
        ({"message": "   \n\t "}, "whitespace only"),
        ({"message": 42}, "not a string"),
        ({"message": ["hi"]}, "a list"),
        ({"message": None}, "null"),
        ({"message": "x" * 2001}, "over 2000 characters"),
        ({"text": "hi"}, "missing field"),
    ],
)
def test_bad_messages_are_400_with_the_field_and_nothing_saved(alice_client, chat, body, reason):
    response = alice_client.post(f"/api/chats/{chat}/messages/", body, format="json")
    assert response.status_code == 400, reason
    assert "message" in response.json()
    assert not Message.objects.exists()


def test_exactly_2000_characters_is_fine(alice_client, chat):
    assert post(alice_client, chat, "x" * 2000).status_code == 201


def test_malformed_json_and_non_objects_are_400(alice_client, chat):
    url = f"/api/chats/{chat}/messages/"
    malformed = alice_client.post(url, data='{"message": ', content_type="application/json")
    assert malformed.status_code == 400 and "detail" in malformed.json()
    listed = alice_client.post(url, data='["hi"]', content_type="application/json")
    assert listed.status_code == 400 and "detail" in listed.json()
    assert not Message.objects.exists()


def test_non_member_cannot_read_or_post(client_for, bob, chat):
    client = client_for(bob)
    assert page(client, chat, "?after=0").status_code == 403
    assert post(client, chat, "let me in").status_code == 403
    assert not Message.objects.exists()


def test_unknown_session_is_404_for_reads_and_posts(alice_client):
    assert page(alice_client, "noSuchChat0000", "?after=0").status_code == 404
    assert post(alice_client, "noSuchChat0000", "hi").status_code == 404


def test_no_token_is_401(api_client, chat):
    assert page(api_client, chat).status_code == 401
    assert post(api_client, chat, "hi").status_code == 401


def test_wrong_method_is_405(alice_client, chat):
    assert alice_client.put(f"/api/chats/{chat}/messages/", {}, format="json").status_code == 405


def test_idempotency_key_makes_a_retry_return_the_first_message(alice_client, chat):
    first = post(alice_client, chat, "once", HTTP_IDEMPOTENCY_KEY="k-1")
    retry = post(alice_client, chat, "once", HTTP_IDEMPOTENCY_KEY="k-1")
    assert first.status_code == retry.status_code == 201
    assert retry.json() == first.json()
    assert post(alice_client, chat, "once", HTTP_IDEMPOTENCY_KEY="k-2").json()["seq"] == 2
    assert Message.objects.count() == 2


def test_an_idempotency_key_is_per_user(client_for, alice, bob, chat):
    join(client_for(bob), chat)
    a = post(client_for(alice), chat, "from alice", HTTP_IDEMPOTENCY_KEY="same")
    b = post(client_for(bob), chat, "from bob", HTTP_IDEMPOTENCY_KEY="same")
    assert a.json()["id"] != b.json()["id"]


def test_an_overlong_idempotency_key_is_400(alice_client, chat):
    response = post(alice_client, chat, "hi", HTTP_IDEMPOTENCY_KEY="k" * 101)
    assert response.status_code == 400 and "idempotency_key" in response.json()


def test_posting_too_fast_is_429_with_retry_after(alice_client, chat, settings):
    settings.RATE_LIMITS_ON = True
    from backend.web.throttles import PostMessageThrottle

    allowed = PostMessageThrottle().num_requests
    for i in range(allowed):
        assert post(alice_client, chat, f"m{i}").status_code == 201
    refused = post(alice_client, chat, "one too many")
    assert refused.status_code == 429 and int(refused["Retry-After"]) > 0
    assert page(alice_client, chat, "?after=0").status_code == 200  # reading is never throttled


def test_every_page_has_an_etag_and_a_matching_poll_is_304(alice_client, chat):
    post(alice_client, chat, "hi")
    first = page(alice_client, chat, "?after=1")
    etag = first["ETag"]
    idle = page(alice_client, chat, "?after=1", HTTP_IF_NONE_MATCH=etag)
    assert idle.status_code == 304 and idle.content == b"" and idle["ETag"] == etag

    post(alice_client, chat, "news")
    fresh = page(alice_client, chat, "?after=1", HTTP_IF_NONE_MATCH=etag)
    assert fresh.status_code == 200 and seqs(fresh) == [2] and fresh["ETag"] != etag


def test_the_etag_depends_on_the_query(alice_client, chat):
    post(alice_client, chat, "hi")
    etag = page(alice_client, chat, "?after=1")["ETag"]
    assert page(alice_client, chat, "?after=0", HTTP_IF_NONE_MATCH=etag).status_code == 200


def test_an_idle_poll_costs_two_queries_and_reads_no_messages(
    alice_client, chat, django_assert_max_num_queries, django_assert_num_queries
):
    post(alice_client, chat, "hi")
    etag = page(alice_client, chat, "?after=1")["ETag"]
    with django_assert_num_queries(2) as captured:  # the token, then the session with membership
        assert page(alice_client, chat, "?after=1", HTTP_IF_NONE_MATCH=etag).status_code == 304
    assert not any("chat_message" in query["sql"] for query in captured.captured_queries)


def test_a_poll_with_news_costs_three_queries_whatever_the_page_size(alice_client, chat, django_assert_num_queries):
    for i in range(30):
        post(alice_client, chat, f"m{i}")
    with django_assert_num_queries(3):  # token, session + membership, messages with their users
        assert len(seqs(page(alice_client, chat, "?after=0"))) == 30


def test_a_post_costs_a_fixed_number_of_queries(alice_client, chat, django_assert_num_queries):
    post(alice_client, chat, "warm up")
    # token, session + membership, then the transaction: lock the session row, the author still a
    # member under the lock, insert, move the author's read mark, bump last_seq. Inside a test the
    # transaction is a savepoint, which adds SAVEPOINT and RELEASE to the count. (The chat list's
    # push runs after commit.)
    with django_assert_num_queries(9):
        assert post(alice_client, chat, "hi").status_code == 201
