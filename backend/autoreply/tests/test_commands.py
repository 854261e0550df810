"""Dialog tables for every command: (what the user types, what the bot answers)."""

import random
import re

import pytest

from backend.autoreply.registry import answer

HELP_LIST = (
    "Commands:\n"
    "/ask <question> — Answer a question from the manual and other ingested documents.\n"
    "/help [command] — List the commands, or explain one.\n"
    "/roll NdM — Roll N dice with M sides (up to 100d1000).\n"
    "/search <words> — Show the 3 best-matching passages and where they come from.\n"
    "Anything else after / is a question for /ask."
)
ROLL_USAGE = "Usage: /roll NdM, e.g. /roll 2d6 (1–100 dice of 1–1000 sides)."


@pytest.mark.parametrize(
    "said, answered",
    [
        ("/help", HELP_LIST),
        ("/", HELP_LIST),
        ("/help roll", "/roll NdM — Roll N dice with M sides (up to 100d1000)."),
        ("/help /search", "/search <words> — Show the 3 best-matching passages and where they come from."),
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
            "to healthy wood, a few millimetres above an outward-facing bud, at a slight angle.\n"
            "— Garden handbook › Pruning roses (backend/autoreply/tests/corpus/garden.md)",
        ),
        (
            "/how often should tomatoes be watered?",  # no such command: the whole text is the question
            "Tomatoes need deep watering two or three times a week rather than a little every day. "
            "Water the soil at the base of the plant in the morning, never the leaves, to avoid blight.\n"
            "— Garden handbook › Watering tomatoes (backend/autoreply/tests/corpus/garden.md)",
        ),
        (
            "/ask 怎么退票？",
            "开车前可以办理退票，距离开车时间越近，退票手续费越高。改签一次不收费，但只能改到同一车站的其他车次。\n"
            "— 出行指南 › 退票和改签 (backend/autoreply/tests/corpus/travel_zh.md)",
        ),
        ("/ask", "Ask me something, e.g. /ask how do I invite someone?"),
        (
            "/ask quantum chromodynamics",
            "I found nothing about \u201cquantum chromodynamics\u201d in the documents I know. "
            "Try /search <words> or /help.",
        ),
    ],
)
def test_ask(corpus, said, answered):
    assert answer(said).text == answered


@pytest.mark.django_db
def test_search_shows_three_passages_with_their_sources(corpus):
    reply = answer("/search water").text
    lines = reply.split("\n")
    assert [line[:3] for line in lines[::2]] == ["1. ", "2. ", "3. "]
    assert all(line.strip().startswith("— ") and "(backend/autoreply/tests/corpus/" in line for line in lines[1::2])
    assert "Tomatoes need deep watering" in lines[0]


@pytest.mark.django_db
@pytest.mark.parametrize(
    "said, answered",
    [
        ("/search", "Usage: /search <words>, e.g. /search invite link"),
        ("/search zyzzyva", "No passage matches \u201czyzzyva\u201d."),
    ],
)
def test_search_without_results(corpus, said, answered):
    assert answer(said).text == answered


@pytest.mark.django_db
def test_ask_with_an_empty_knowledge_base_says_so():
    assert answer("/ask anything").text.startswith("I found nothing about")


def test_an_answer_is_trimmed_to_the_matching_sentences():
    from backend.autoreply.ranking import matching_sentences

    filler = "Nothing to see in this sentence, which talks about weather and lunch and the colour of walls. "
    key = "Invites are made by copying the chat link and sending it to the person you want to invite. "
    text = filler * 3 + key + filler * 3
    assert matching_sentences(text, "how do I invite someone?") == key.strip() + " " + filler.strip()
