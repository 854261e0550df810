"""Answers people can read: the part of the passage that answers (never cut before the fact, code whole),
its source as title › section, a near-tie second source, and "I don't know" in the question's language."""

import pytest

from backend.autoreply.answers import excerpt, source
from backend.autoreply.index import current_index
from backend.autoreply.models import Document, Passage
from backend.autoreply.ranking import analyse
from backend.autoreply.registry import answer
from backend.autoreply.services import document_add_to_chat

pytestmark = pytest.mark.django_db

FILLER = "Nothing to see in this sentence, which talks about weather and lunch and the colour of walls. "


def passage(text: str, headings=("Guide", "Section")) -> Passage:
    document = Document(title="Guide", source="guide.md")
    return Passage(document=document, text=text, heading_path="\n".join(headings), language="en")


def test_a_short_passage_is_quoted_whole():
    text = "Invites are made by copying the chat link."
    assert excerpt(passage(text), analyse("how do I invite someone?", current_index())) == text


def test_a_long_passage_is_trimmed_from_the_sentence_that_answers():
    key = "To rotate the logs, run logrotate with the force flag once a week."
    text = FILLER * 6 + key + " " + FILLER * 6
    trimmed = excerpt(passage(text), analyse("how do I rotate the logs?", current_index()))
    assert trimmed.startswith(key)
    assert len(trimmed) <= 800


def test_a_command_introduced_by_the_answer_stays_whole():
    text = FILLER * 7 + "\n\nTo rotate the logs now, run:\n\n```console\n$ logrotate --force /etc/logrotate.conf\n```"
    trimmed = excerpt(passage(text), analyse("how do I rotate logs now?", current_index()))
    assert "To rotate the logs now, run:\n\n```console\n$ logrotate --force /etc/logrotate.conf\n```" in trimmed
    assert trimmed.count(FILLER.strip()) <= 1  # one sentence of context before it at most
    assert trimmed.endswith("```")


def test_the_source_is_a_title_and_at_most_two_sections_never_a_path():
    p = passage("x", headings=("Guide", "Chapter 8", "8.1 Tools", "8.1.1 dpkg"))
    assert source(p) == "Guide › 8.1 Tools › 8.1.1 dpkg"


@pytest.mark.parametrize(
    "question, reply",
    [
        ("/ask what is the capital of Mongolia?", "I don't know that"),
        ("/ask 蒙古的首都是哪里？", "我不知道"),
        ("/ask 蒙古的首都是哪裡？", "我不知道——我手上的文件"),
        ("/ask モンゴルの首都はどこですか？", "わかりません"),
        ("/ask 몽골의 수도는 어디입니까?", "모르겠습니다"),
    ],
)
def test_abstaining_in_the_questions_language(corpus, question, reply):
    assert answer(question).text.startswith(reply)


def test_an_answer_from_another_language_says_so(session, alice):
    from backend.autoreply.registry import Context

    document_add_to_chat(
        session=session,
        name="kernel.md",
        data=b"# Kernel\n\n## Modules\n\nDebian loads kernel modules listed in `/etc/modules` at boot.\n",
        added_by=alice,
    )
    reply = answer("/ask 커널 모듈은 부팅할 때 어떻게 로드되나요?", context=Context(session=session, user=alice)).text
    assert "`/etc/modules`" in reply
    assert reply.endswith("— kernel.md › Modules · 이 채팅방의 문서 (영어)")


def test_a_near_tie_names_the_second_source(session, alice):
    from backend.autoreply.registry import Context

    document_add_to_chat(
        session=session,
        name="pools.md",
        data=b"# Pools\n\n## Cleaning the filter\n\nClean the pool filter every week with a hose.\n\n"
        b"## Replacing the filter\n\nReplace the pool filter every year with a new cartridge.\n",
        added_by=alice,
    )
    reply = answer("/ask pool filter", context=Context(session=session, user=alice)).text
    assert "\nSee also: pools.md › " in reply


def ask_chat(session, alice, document: bytes, question: str) -> str:
    from backend.autoreply.registry import Context

    document_add_to_chat(session=session, name="guide.md", data=document, added_by=alice)
    return answer(f"/ask {question}", context=Context(session=session, user=alice)).text


def test_a_dictionary_carries_a_question_into_the_documents_language(session, alice):
    document = b"# Guide\n\n## Encrypting a file\n\nTo encrypt a file with a passphrase, run `gpg -c notes.txt`.\n"
    reply = ask_chat(session, alice, document, "ファイルを暗号化するには？")  # 暗号化 -> encrypt, by JMdict
    assert "`gpg -c notes.txt`" in reply and reply.endswith("(英語)")


def test_one_word_s_dictionary_sense_alone_is_no_answer(session, alice):
    document = b"# Guide\n\n## Old kernels\n\nIt is safe to remove an old kernel once a new one boots.\n"
    assert ask_chat(session, alice, document, "大丈夫ですか").startswith("わかりません")  # 大丈夫 -> safe


def test_a_false_friend_does_not_cross(session, alice):
    document = b"# Guide\n\n## Supplies\n\nBuy toilet paper and soap for the office every month.\n"
    # 手紙 is a letter in Japanese (JMdict), toilet paper in Chinese (CC-CEDICT): a Japanese question asks JMdict
    assert ask_chat(session, alice, document, "手紙と石鹸").startswith("わかりません")


def test_a_second_source_in_another_language_says_so(session, alice):
    from backend.autoreply.registry import Context

    english = "Clean the pool filter weekly with a garden hose and a soft brush, then rinse it."
    for name, text in (
        ("pools.md", f"# Pools\n\n## Cleaning the filter\n\n{english}\n"),
        ("手入れ.md", "# 手入れ\n\n## 毎週\n\npool filter を洗います。\n"),
    ):
        document_add_to_chat(session=session, name=name, data=text.encode(), added_by=alice)
    reply = answer("/ask pool filter", context=Context(session=session, user=alice)).text
    assert "— pools.md › Cleaning the filter · this chat's documents\n" in reply  # the question's language: no label
    assert reply.endswith("\nSee also: 手入れ.md › 毎週 (Japanese)")
