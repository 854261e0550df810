"""GET /api/search/: what people wrote in the caller's chats, newest first, with CJK substrings,
filters, edits, deletes and membership changes. The same tests run on PostgreSQL
(test_search_postgres.py)."""

import pytest
from django.db import connection

from backend.chat.models import Message
from backend.testing.api import join, post_message

pytestmark = pytest.mark.django_db


@pytest.fixture
def other_chat(alices):
    return alices.post("/api/chats/", {"title": "Lunch"}, format="json").json()["uri"]


def search(client, q, **params):
    return client.get("/api/search/", {"q": q, **params})


def found(client, q, **params) -> list[str]:
    response = search(client, q, **params)
    assert response.status_code == 200, response.content
    return [result["message"]["message"] for result in response.json()["results"]]


def post(client, uri, *texts):
    for text in texts:
        assert post_message(client, uri, text).status_code == 201


def test_finds_words_in_every_chat_of_mine_newest_first(alices, chat, other_chat):
    post(alices, chat, "The meeting is in room 301", "Unrelated")
    post(alices, other_chat, "Lunch after the meeting?")
    response = search(alices, "meeting")
    assert response.status_code == 200
    results = response.json()["results"]
    assert [r["message"]["message"] for r in results] == ["Lunch after the meeting?", "The meeting is in room 301"]
    assert results[0]["chat"] == {"uri": other_chat, "title": "Lunch", "kind": "group"}
    assert results[1]["chat"]["uri"] == chat
    assert results[1]["message"]["seq"] == 1
    assert results[1]["message"]["user"]["username"] == "alice"
    assert results[1]["highlights"] == [[4, 11]]
    assert response.json()["next"] is None


def test_matches_substrings_ignoring_case(alices, chat):
    post(alices, chat, "Rooftop PARTY tonight")
    assert found(alices, "party") == ["Rooftop PARTY tonight"]
    assert found(alices, "oofto") == ["Rooftop PARTY tonight"]


def test_every_word_must_be_there(alices, chat):
    post(alices, chat, "red apple", "green apple", "red car")
    assert found(alices, "apple red") == ["red apple"]


@pytest.mark.parametrize(
    ("text", "query"),
    [
        ("会议室在三楼的东边", "会议室"),  # Chinese, three characters
        ("会议室在三楼的东边", "三楼"),  # Chinese, a two-character word
        ("会議は明日の午後です", "明日"),  # Japanese
        ("회의실은 삼층에 있어요", "회의실"),  # Korean
        ("회의실은 삼층에 있어요", "삼층"),  # Korean, two syllables
        ("ok", "ok"),  # Latin, under three characters
    ],
)
def test_chinese_japanese_and_korean_substrings_match(alices, chat, text, query):
    post(alices, chat, text, "something else entirely")
    assert found(alices, query) == [text]


def test_two_character_word_highlights_in_utf16_units(alices, chat):
    post(alices, chat, "🎉 会议室在三楼")
    [result] = search(alices, "三楼").json()["results"]
    assert result["highlights"] == [[7, 9]]  # 🎉 is two UTF-16 units, then a space and four characters


def test_a_short_term_with_a_long_one_needs_both(alices, chat):
    post(alices, chat, "三楼 meeting", "meeting in the lobby", "三楼 lunch")
    assert found(alices, "meeting 三楼") == ["三楼 meeting"]


def test_an_exact_phrase_in_quotes(alices, chat):
    post(alices, chat, "see you at room 301", "room for 301 people")
    assert found(alices, '"room 301"') == ["see you at room 301"]
    assert sorted(found(alices, "room 301")) == ["room for 301 people", "see you at room 301"]


@pytest.mark.parametrize(
    "query",
    ['"', '""quoted" *', "a* OR b", "NEAR(a b)", "(x", "col:value", "^start", "a AND", "100%", "snake_case", "\\"],
)
def test_engine_syntax_is_searched_as_text(alices, chat, query):
    post(alices, chat, "plain words")
    only_quotes = not query.strip('"')  # an empty phrase: nothing to search for
    assert search(alices, query).status_code == (400 if only_quotes else 200)


def test_syntax_characters_are_found_literally(alices, chat):
    post(alices, chat, "it is 100% done", "100 percent", "NEAR(a b) is fts", "use snake_case", "snakeXcase")
    assert found(alices, "100%") == ["it is 100% done"]
    assert found(alices, "NEAR(a b)") == ["NEAR(a b) is fts"]
    assert found(alices, "snake_case") == ["use snake_case"]
    assert found(alices, "e_c") == ["use snake_case"]


def test_an_edit_is_found_by_its_new_text_not_the_old(alices, chat):
    post(alices, chat, "the meeting is at noon")
    assert alices.patch(f"/api/chats/{chat}/messages/1/", {"message": "the gathering is at 3"}, format="json")
    assert found(alices, "meeting") == []
    assert found(alices, "gathering") == ["the gathering is at 3"]


def test_a_deleted_message_is_gone(alices, chat):
    post(alices, chat, "secret code 4242", "会议室")
    assert alices.delete(f"/api/chats/{chat}/messages/1/").status_code == 204
    assert alices.delete(f"/api/chats/{chat}/messages/2/").status_code == 204
    assert found(alices, "4242") == []
    assert found(alices, "code") == []
    assert found(alices, "议室") == []


def test_only_chats_i_am_in(alices, bobs, client_for, make_user, chat, other_chat):
    post(alices, other_chat, "lunch plans in the private chat")
    post(bobs, chat, "lunch plans in the team chat")
    assert found(bobs, "lunch plans") == ["lunch plans in the team chat"]
    assert found(client_for(make_user()), "lunch") == []


def test_a_chat_i_left_is_never_shown_again(alices, bobs, chat):
    post(alices, chat, "the wifi password is hunter2")
    assert found(bobs, "wifi") == ["the wifi password is hunter2"]
    assert bobs.delete(f"/api/chats/{chat}/members/me/").status_code == 204
    assert found(bobs, "wifi") == []
    assert search(bobs, "hunter2", chat=chat).status_code == 403  # nor by naming it


def test_a_deleted_chat_is_gone_from_the_index(alices, bobs, chat):
    post(alices, chat, "the wifi password is hunter2")
    assert alices.delete(f"/api/chats/{chat}/").status_code == 204
    assert found(alices, "wifi") == []
    assert found(bobs, "wifi") == []
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            assert cursor.execute("SELECT count(*) FROM search_message_fts").fetchone() == (0,)


def test_system_messages_and_the_bots_answers_are_not_searched(alices, bobs, chat):
    post(alices, chat, "joined the fun")
    Message.objects.filter(seq=1).update(is_bot=True)
    assert found(alices, "joined") == []  # bob's join is a system message, alice's post now a bot's


def test_one_chat_only(alices, chat, other_chat):
    post(alices, chat, "pizza here")
    post(alices, other_chat, "pizza there")
    assert found(alices, "pizza", chat=chat) == ["pizza here"]


def test_a_chat_i_am_not_in_is_403_and_an_unknown_one_404(alices, client_for, make_user, chat):
    stranger = client_for(make_user())
    assert search(stranger, "x", chat=chat).status_code == 403
    assert search(alices, "x", chat="nope").status_code == 404


def test_filters_from_in_and_dates(alices, bobs, chat, other_chat):
    post(alices, chat, "pizza by alice")
    post(bobs, chat, "pizza by bob")
    post(alices, other_chat, "pizza at lunch")
    assert found(alices, "pizza from:@bob") == ["pizza by bob"]
    assert found(alices, "pizza from:BOB") == ["pizza by bob"]
    assert found(alices, "from:@bob") == ["pizza by bob"]
    assert found(alices, "pizza from:@nobody") == []
    assert found(alices, "pizza in:lunch") == ["pizza at lunch"]
    assert found(alices, 'pizza in:"team"') == ["pizza by bob", "pizza by alice"]
    Message.objects.filter(text="pizza by alice").update(created_at="2025-06-01T12:00:00Z")
    assert found(alices, "pizza before:2025-06-02") == ["pizza by alice"]
    assert found(alices, "pizza before:2025-06-01") == []
    assert found(alices, "pizza after:2025-06-01") == ["pizza at lunch", "pizza by bob"]
    assert found(alices, "pizza after:2025-05-31 before:2025-06-02") == ["pizza by alice"]


def test_pages_newest_first_with_a_cursor(alices, chat):
    post(alices, chat, *[f"note {n}" for n in range(5)])
    first = search(alices, "note", limit=2).json()
    assert [r["message"]["message"] for r in first["results"]] == ["note 4", "note 3"]
    second = search(alices, "note", limit=2, before=first["next"]).json()
    assert [r["message"]["message"] for r in second["results"]] == ["note 2", "note 1"]
    third = search(alices, "note", limit=2, before=second["next"]).json()
    assert [r["message"]["message"] for r in third["results"]] == ["note 0"]
    assert third["next"] is None


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"q": ""}, "q"),
        ({"q": "   "}, "q"),
        ({}, "q"),
        ({"q": "x" * 201}, "q"),
        ({"q": "pizza before:yesterday"}, "q"),
        ({"q": "pizza after:2025-13-01"}, "q"),
        ({"q": "pizza", "before": "abc"}, "before"),
        ({"q": "pizza", "before": "9" * 30}, "before"),
        ({"q": "pizza", "limit": "0"}, "limit"),
        ({"q": "pizza", "limit": "51"}, "limit"),
        ({"q": "pizza", "limit": "x"}, "limit"),
        ({"q": "pizza", "chat": " "}, "chat"),
        # found by a review: each was a 500, or a scan of every message
        ({"q": "abc\x00def"}, "q"),
        ({"q": "pizza", "chat": "ab\x00c"}, "chat"),
        ({"q": "pizza after:9999-12-31"}, "q"),
        ({"q": "pizza", "limit": "²"}, "limit"),
        ({"q": "pizza", "before": "²"}, "before"),
        ({"q": " ".join("abcdefghijk")}, "q"),  # eleven words
        ({"q": "pizza a b c d"}, "q"),  # four words under three characters
    ],
)
def test_bad_input_is_a_400_naming_the_field(alices, chat, params, field):
    response = alices.get("/api/search/", params)
    assert response.status_code == 400
    assert field in response.json()


def test_from_prefers_the_exact_name(alices, chat, client_for, make_user):
    upper, lower = make_user("Bobby"), make_user("bobby")
    for person in (upper, lower):
        join(client_for(person), chat)
        post(client_for(person), chat, f"pizza from {person.username}")
    assert found(alices, "pizza from:@bobby") == ["pizza from bobby"]
    assert found(alices, "pizza from:@Bobby") == ["pizza from Bobby"]


def test_two_hundred_characters_are_fine(alices, chat):
    assert search(alices, "x" * 200).status_code == 200


def test_needs_a_token(api_client):
    assert api_client.get("/api/search/", {"q": "x"}).status_code == 401


def test_searching_too_fast_is_429(alices, chat, settings, monkeypatch):
    from backend.web.throttles import SearchThrottle

    settings.RATE_LIMITS_ON = True
    monkeypatch.setitem(SearchThrottle.THROTTLE_RATES, "search", "2/min")
    assert [search(alices, "x").status_code for _ in range(3)] == [200, 200, 429]


def test_a_page_costs_a_fixed_number_of_queries(alices, bobs, chat, django_assert_num_queries):
    post(alices, chat, *[f"note {n}" for n in range(10)])
    post(bobs, chat, "note from bob")
    search(alices, "note")  # warm the rendering cache
    # token, the search (messages with chat, author, reply), reactions of newly rendered ones: none now
    with django_assert_num_queries(2):
        assert len(found(alices, "note")) == 11
    with django_assert_num_queries(3):  # and the chat's membership
        assert len(found(alices, "note", chat=chat)) == 11
    with django_assert_num_queries(3):  # and the author's id
        assert found(alices, "note from:@bob") == ["note from bob"]
