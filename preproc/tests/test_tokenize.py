"""Tokenising English, Chinese, Japanese, Korean and mixed text for retrieval."""

from preproc import tokenize


def test_english_is_lowercased_stemmed_and_without_stopwords():
    assert tokenize("How do I invite Someone to the Chats?") == ["invit", "someon", "chat"]


def test_english_inflections_share_a_stem():
    assert tokenize("inviting")[0] == tokenize("invited")[0] == tokenize("invites")[0]


def test_chinese_becomes_overlapping_character_bigrams():
    assert tokenize("邀请朋友") == ["邀请", "请朋", "朋友"]


def test_a_single_cjk_character_is_kept_as_a_unigram():
    assert tokenize("猫") == ["猫"]


def test_japanese_kanji_and_kana_runs_become_bigrams():
    assert tokenize("招待リンク") == ["招待", "待リ", "リン", "ンク"]


def test_korean_words_become_bigrams():
    assert tokenize("초대 링크") == ["초대", "링크"]


def test_mixed_language_text_keeps_both_scripts():
    tokens = tokenize("复制 invite link 链接")
    assert tokens == ["复制", "invit", "link", "链接"]


def test_chinese_query_and_passage_share_tokens():
    assert set(tokenize("如何邀请别人？")) & set(tokenize("要邀请别人，复制聊天的邀请链接。"))


def test_full_width_forms_are_normalised():
    assert tokenize("ＭＹＣＨＡＴ １２３") == tokenize("mychat 123")


def test_punctuation_only_gives_no_tokens():
    assert tokenize("?!… 。，") == []
