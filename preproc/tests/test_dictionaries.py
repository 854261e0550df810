"""The bilingual dictionaries (CC-CEDICT, JMdict, Sino-Korean readings) as the ranking sees them."""

from preproc.dictionaries import Bridges, english, korean_reading, written_in


def test_chinese_and_japanese_words_have_their_english_as_the_english_analyzer_sees_it():
    assert "kernel" in english("内核")  # CC-CEDICT: "(computing) kernel", its parentheses dropped
    assert "compat" in english("互換性")  # JMdict: "compatibility", stemmed like any English passage
    assert "instal" in english("安装")  # "to install"
    assert "password" in english("密码")  # "password; PIN": each part of a sense is a gloss
    assert "packag" in english("パッケージ")  # a kana word, from JMdict's readings


def test_a_definition_is_no_translation_and_one_character_or_korean_has_none():
    assert all(len(term.split(" ")) <= 2 for term in english("設定"))
    assert english("他") == frozenset()  # one character means too many things
    assert english("실행") == frozenset()  # Korean has no dictionary here: it goes through its Han reading
    assert english("kernel") == frozenset()


def test_han_words_read_in_korean_whatever_their_spelling():
    assert korean_reading("実行") == korean_reading("實行") == korean_reading("实行") == "실행"
    assert korean_reading("互換性") == "호환성"
    assert korean_reading("理解") == "이해"  # the initial-sound rule
    assert korean_reading("パッケージ") == korean_reading("実") == ""


def test_bridges_carry_a_word_to_the_vocabulary_s_words_in_other_languages():
    vocabulary = {"kernel", "execut", "実行", "内核", "실행", "compat", "互換性", "호환성", "unrelated"}
    bridges = Bridges.build(vocabulary)
    assert "内核" in bridges.translations("kernel")  # English -> Chinese, through the dictionary backwards
    assert {"kernel"} <= bridges.translations("内核").keys()
    korean = bridges.translations("실행")  # Korean -> the Han word read alike -> its English
    assert korean["実行"] > korean["execut"] > 0
    assert {"호환성", "compat"} <= bridges.translations("互換性").keys()
    assert "unrelated" not in {t for word in vocabulary for t in bridges.translations(word)}
    assert "executor" not in bridges.translations("実行")  # only words the passages have


def test_a_translation_counts_only_in_a_passage_of_its_own_language():
    assert written_in("make", "en") and not written_in("make", "ja")
    assert written_in("実行", "ja") and written_in("内核", "zh") and not written_in("内核", "ko")
    assert written_in("パッケージ", "ja") and not written_in("パッケージ", "zh")
    assert written_in("호환성", "ko") and not written_in("호환성", "en")
