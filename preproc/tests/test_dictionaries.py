"""The bilingual dictionaries (CC-CEDICT, JMdict, Sino-Korean readings) as the ranking sees them."""

from preproc.dictionaries import Bridges, english, korean_reading, written_in


def test_chinese_and_japanese_words_have_their_english_as_the_english_analyzer_sees_it():
    assert "kernel" in english("内核", "zh")  # CC-CEDICT: "(computing) kernel", its parentheses dropped
    assert "compat" in english("互換性", "ja")  # JMdict: "compatibility", stemmed like any English passage
    assert "instal" in english("安装", "zh")  # "to install"
    assert "password" in english("密码", "zh")  # "password; PIN": each part of a sense is a gloss
    assert "packag" in english("パッケージ", "ja")  # a word written in kana


def test_each_language_asks_its_own_dictionary_so_false_friends_stay_apart():
    assert "letter" in english("手紙", "ja") and "letter" not in english("手紙", "zh")
    assert "toilet paper" not in english("手紙", "ja")
    assert "homework" not in english("作業", "ja")  # Chinese 作业 is homework; Japanese 作業 is work
    assert english("内核", "ko") == frozenset()


def test_a_definition_is_no_translation_and_one_character_or_korean_has_none():
    assert all(len(term.split(" ")) <= 2 for term in english("設定", "ja"))
    assert "thing" not in english("論理", "ja")  # "as things should be" is a definition, not "thing"
    assert english("他", "ja") == frozenset()  # one character means too many things
    assert english("실행", "ja") == frozenset()  # Korean goes through its Han reading
    assert english("kernel", "zh") == frozenset()


def test_a_kana_word_is_not_every_word_read_alike():
    assert "night" not in english("よる", "ja")  # 夜 is read よる, but it is written 夜


def test_han_words_read_in_korean_whatever_their_spelling():
    assert korean_reading("実行") == korean_reading("實行") == korean_reading("实行") == "실행"
    assert korean_reading("互換性") == "호환성"
    assert korean_reading("理解") == "이해"  # the initial-sound rule
    assert korean_reading("配列") == "배열"  # and 렬 after a vowel
    assert korean_reading("パッケージ") == korean_reading("実") == ""


def vocabulary(**words: tuple[int, str]) -> dict[str, tuple[int, frozenset[str]]]:
    return {word: (passages, frozenset(languages.split())) for word, (passages, languages) in words.items()}


def test_bridges_carry_a_word_to_the_vocabulary_s_words_in_other_languages():
    words = {"kernel": (5, "en"), "execut": (3, "en"), "実行": (4, "ja"), "内核": (2, "zh"), "실행": (2, "ko")}
    bridges = Bridges.build(vocabulary(**words, 执行=(3, "zh"), unrelated=(9, "en")))
    assert "内核" in bridges.translations("kernel", "en")  # English -> Chinese, through the dictionary backwards
    assert bridges.translations("内核", "zh")["kernel"] == 1.0
    korean = bridges.translations("실행", "ko")  # Korean -> the Han word read alike -> its English
    assert {"実行", "execut"} <= korean.keys() and max(korean.values()) < 1.0
    assert "执行" in bridges.translations("実行", "ja")  # Japanese -> English -> Chinese
    assert "unrelated" not in {t for word in words for t in bridges.translations(word, "en")}
    assert "executor" not in bridges.translations("実行", "ja")  # only words the passages have


def test_an_english_word_reaches_the_words_the_passages_use_most():
    many = {f"使用{i}": (1, "zh") for i in range(20)}  # not real words: no dictionary knows them
    bridges = Bridges.build(vocabulary(use=(50, "en"), 使用=(172, "zh"), 利用=(40, "zh"), 单用=(1, "zh"), **many))
    assert bridges.from_english["use"][:2] == ["使用", "利用"]


def test_a_rebuild_reuses_the_previous_lookups():
    first = Bridges.build(vocabulary(内核=(2, "zh")))
    first.english_of[("内核", "zh")] = frozenset({"walnut"})  # what no dictionary says: only a reuse gives it
    again = Bridges.build(vocabulary(内核=(2, "zh"), walnut=(1, "en")), previous=first)
    assert again.from_english == {"walnut": ["内核"]}
    assert "内核" in again.translations("walnut", "en")


def test_a_translation_counts_only_in_a_passage_of_its_own_language():
    assert written_in("make", "en") and not written_in("make", "ja")
    assert written_in("実行", "ja") and written_in("内核", "zh") and not written_in("内核", "ko")
    assert written_in("パッケージ", "ja") and not written_in("パッケージ", "zh")
    assert written_in("호환성", "ko") and not written_in("호환성", "en")
