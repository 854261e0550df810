"""Tokens for retrieval: stemmed English words without stopwords, CJK as character bigrams.

Chinese and Japanese have no spaces between words and Korean attaches particles to words, so
overlapping character bigrams stand in for words; mixed text is split into script runs first.
"""

import re
import unicodedata
from functools import lru_cache

import snowballstemmer

_STEMMER = snowballstemmer.stemmer("english")

# Han (incl. extension A and compatibility ideographs), Hiragana, Katakana, Hangul.
_CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u3040-\u309f\u30a0-\u30ff\u31f0-\u31ff\uac00-\ud7af\u1100-\u11ff"
_TOKEN_RUN = re.compile(rf"[{_CJK}]+|[^\W_{_CJK}]+(?:['’][^\W_{_CJK}]+)?")
_IS_CJK = re.compile(rf"[{_CJK}]")

STOPWORDS = frozenset(
    """
    a about above after again against all am an and any are as at be because
    been before being below between both but by can could did do does doing down during
    each few for from further had has have having he her here hers herself him himself
    his how i if in into is it its itself just me more most my myself
    no nor not now of off on once only or other our ours ourselves out over
    own s same she should so some such t than that the their theirs them themselves
    then there these they this those through to too under until up very was we were
    what when where which while who whom why will with would you your yours yourself yourselves
    let get got can't don't i'm it's what's
    """.split()
)


@lru_cache(maxsize=65536)
def _stem(word: str) -> str:
    return _STEMMER.stemWord(word)


def _cjk_bigrams(run: str) -> list[str]:
    if len(run) == 1:
        return [run]
    return [run[i : i + 2] for i in range(len(run) - 1)]


def tokenize(text: str) -> list[str]:
    tokens: list[str] = []
    for run in _TOKEN_RUN.findall(unicodedata.normalize("NFKC", text).lower()):
        if _IS_CJK.match(run):
            tokens.extend(_cjk_bigrams(run))
        else:
            run = run.replace("’", "'")
            if run in STOPWORDS:
                continue
            tokens.append(_stem(run.split("'")[0]) if "'" in run else _stem(run))
    return tokens
