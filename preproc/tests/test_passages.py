"""Normalising text and splitting it into passages along headings, paragraphs and sentences."""

from preproc import normalize_text, split_passages, split_sentences
from preproc.passages import MAX_CHARS


def test_normalize_applies_nfkc_and_collapses_whitespace():
    assert normalize_text("Ｆｕｌｌ\u3000width   text\t here\r\n\r\n\r\n\nnext  ") == "Full width text here\n\nnext"


def test_sentences_split_after_english_and_cjk_punctuation():
    assert split_sentences("One. Two? Three! 四。五！六？七") == [
        "One.",
        "Two?",
        "Three!",
        "四。",
        "五！",
        "六？",
        "七",
    ]


def test_passages_follow_headings_and_remember_their_path():
    text = "# Manual\n\n## Invites\n\nCopy the link.\n\n## Polling\n\nAsk after the last seq."
    passages = split_passages(text)
    assert [(p.heading_path, p.text) for p in passages] == [
        (("Manual", "Invites"), "Copy the link."),
        (("Manual", "Polling"), "Ask after the last seq."),
    ]
    assert [p.heading for p in passages] == ["Invites", "Polling"]


def test_short_paragraphs_are_merged_up_to_a_few_hundred_characters():
    text = "\n\n".join(f"Paragraph number {i} says something short." for i in range(40))
    passages = split_passages(text)
    assert 1 < len(passages) < 40
    assert all(len(p.text) <= 600 for p in passages)


def test_a_long_paragraph_is_split_between_sentences():
    sentence = "This sentence is exactly as long as it needs to be for the test. "
    passages = split_passages(sentence * 40)
    assert len(passages) > 2
    for passage in passages:
        assert len(passage.text) <= MAX_CHARS
        assert passage.text.endswith("test.")


def test_a_long_chinese_paragraph_is_split_after_full_stops():
    passages = split_passages("这是一个关于聊天应用的句子。" * 120)
    assert len(passages) > 2
    assert all(p.text.endswith("。") for p in passages)


def test_a_heading_in_the_same_block_as_its_paragraph_is_recognised():
    [passage] = split_passages("# Title\nBody text.")
    assert (passage.heading, passage.text) == ("Title", "Body text.")


def test_normalize_keeps_cjk_punctuation_readable():
    assert normalize_text("你好，世界！好吗？") == "你好，世界！好吗？"


def test_sentences_split_after_ascii_marks_in_cjk_text():
    assert split_sentences("我很好!谢谢?再见") == ["我很好!", "谢谢?", "再见"]


def test_a_short_section_under_an_introduction_stays_its_own_passage():
    text = (
        "# Notes\n\nIntro line.\n\n## Deadlines\n\nHomework is due Friday.\n\n### Late work\n\nLate work loses 10%.\n\n"
        "## Rooms\n\nLectures are in room 204."
    )
    cited = {p.heading: p.text for p in split_passages(text)}
    assert cited["Deadlines"] == "Intro line.\n\nHomework is due Friday."
    assert cited["Late work"] == "Late work loses 10%."
    assert cited["Rooms"] == "Lectures are in room 204."
