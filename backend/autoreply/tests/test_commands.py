"""Dialog tables for every command: (what the user types, what the bot answers)."""

import random
import re

import pytest

from backend.autoreply.registry import Context, answer
from backend.chat.services import message_create, session_create

HELP_LIST = (
    "Commands:\n"
    "/ask <question> — Answer a question from this chat's documents, the site's, or the mychat manual.\n"
    "/help [command] — List the commands, or explain one.\n"
    "/kb list | add | remove <name> — This chat's own documents, which /ask answers from first.\n"
    "/roll NdM — Roll N dice with M sides (up to 100d1000).\n"
    "/search <words> — The 5 latest messages of this chat containing the words, with links (documents: /ask).\n"
    "Anything else after / is a question for /ask."
)
ROLL_USAGE = "Usage: /roll NdM, e.g. /roll 2d6 (1–100 dice of 1–1000 sides)."


@pytest.mark.parametrize(
    "said, answered",
    [
        ("/help", HELP_LIST),
        ("/", HELP_LIST),
        ("/help roll", "/roll NdM — Roll N dice with M sides (up to 100d1000)."),
        (
            "/help /search",
            "/search <words> — The 5 latest messages of this chat containing the words, with links (documents: /ask).",
        ),
        ("/help nope", "There is no /nope. Type /help for the list."),
    ],
)
def test_help(said, answered):
    assert answer(said).text == answered


@pytest.mark.parametrize(
    "said, answered",
    [
        ("/roll 1d1", "1"),
        ("/roll d1", "1"),
        ("/roll 3d1", "1 + 1 + 1 = 3"),
        ("/roll 2 d 1", "1 + 1 = 2"),
        ("/roll", ROLL_USAGE),
        ("/roll banana", ROLL_USAGE),
        ("/roll 0d6", ROLL_USAGE),
        ("/roll 101d6", ROLL_USAGE),
        ("/roll 1d0", ROLL_USAGE),
        ("/roll 1d1001", ROLL_USAGE),
        ("/roll 99999999999999999999d6", ROLL_USAGE),
        ("/rol 2d6", "Did you mean /roll? Usage: /roll NdM"),
    ],
)
def test_roll(said, answered):
    assert answer(said).text == answered


def test_roll_stays_within_the_dice():
    random.seed(7)
    for _ in range(50):
        rolls = [int(n) for n in re.findall(r"\d+", answer("/roll 4d6").text)]
        assert all(1 <= n <= 6 for n in rolls[:4]) and rolls[4] == sum(rolls[:4])


@pytest.mark.django_db
@pytest.mark.parametrize(
    "said, answered",
    [
        (
            "/ask when should I prune roses?",
            "Prune roses in late winter, just as the buds begin to swell. Cut dead and crossing canes back "
            "to healthy wood, a few millimetres above an outward-facing bud, at a slight angle.\n\n"
            "— Garden handbook › Pruning roses · the site's documents",
        ),
        (
            "/how often should tomatoes be watered?",  # no such command: the whole text is the question
            "Tomatoes need deep watering two or three times a week rather than a little every day. "
            "Water the soil at the base of the plant in the morning, never the leaves, to avoid blight.\n\n"
            "— Garden handbook › Watering tomatoes · the site's documents",
        ),
        (
            "/ask 怎么退票？",
            "开车前可以办理退票，距离开车时间越近，退票手续费越高。改签一次不收费，但只能改到同一车站的其他车次。\n\n"
            "— 出行指南 › 退票和改签 · 站点文档",
        ),
        ("/ask", "Ask me something, e.g. /ask how do I invite someone?"),
        (
            "/ask quantum chromodynamics",
            "I don't know that — the documents I have don't cover it. Try `/search <words>`, or ask the chat.",
        ),
        (
            "/ask 量子色动力学是什么？",
            "我不知道——我手头的文档没有涉及这个问题。可以试试 `/search 关键词`，或者问问聊天里的大家。",
        ),
        (
            "/ask 量子色動力學是什麼？",
            "我不知道——我手上的文件沒有涵蓋這個問題。可以試試 `/search 關鍵字`，或者問問聊天室裡的大家。",
        ),
    ],
)
def test_ask(corpus, said, answered):
    assert answer(said).text == answered


@pytest.mark.django_db
def test_a_question_sharing_one_word_with_a_document_is_not_answered(corpus):
    assert answer("/ask how do I water a swimming pool filter?").text.startswith("I don't know that")


@pytest.mark.django_db
def test_search_finds_this_chats_messages_newest_first_with_links(session, post, bob, alice):
    post("The room is 301")
    post("Lunch at noon")
    post("Room changed to 405, *sorry*")
    other = session_create(owner=alice, title="Elsewhere")
    message_create(session=other, user=alice, text="room in the other chat")
    said = post("/search room")
    reply = answer(said.text, context=Context(session=session, user=alice)).text
    lines = reply.split("\n")
    assert lines[0] == "The 2 latest messages matching \u201croom\u201d:"
    assert re.fullmatch(
        rf"1\. \[alice, [0-9-]+ [0-9:]+\]\(/chats/{session.uri}\?seq=3\): Room changed to 405, \\\*sorry\\\*", lines[1]
    )
    assert lines[2].endswith(f"(/chats/{session.uri}?seq=1): The room is 301")
    assert len(lines) == 3


@pytest.mark.django_db
def test_search_finds_two_character_chinese_words(session, post, alice):
    post("会议室在三楼")
    reply = answer("/search 三楼", context=Context(session=session, user=alice)).text
    assert reply.splitlines()[1].endswith("): 会议室在三楼")


@pytest.mark.django_db
@pytest.mark.parametrize(
    "said, answered",
    [
        (
            "/search",
            'Usage: /search <words>, e.g. /search room number (from:@name, "a phrase" and before:2026-01-31 work too)',
        ),
        ("/search zyzzyva", "Nothing in this chat matches \u201czyzzyva\u201d. For the documents, try /ask zyzzyva"),
        ("/search before:soon", "before: takes a date as YYYY-MM-DD, e.g. before:2026-01-31."),
    ],
)
def test_search_without_results(session, alice, said, answered):
    assert answer(said, context=Context(session=session, user=alice)).text == answered


def test_search_outside_a_chat_says_where_it_works():
    assert answer("/search room").text.startswith("/search works inside a chat")


@pytest.mark.django_db
def test_ask_with_an_empty_knowledge_base_says_it_does_not_know():
    assert answer("/ask anything").text.startswith("I don't know that")
