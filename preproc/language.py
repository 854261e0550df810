"""Which of the bot's languages a text is written in: en, zh, ja or ko, from the scripts it uses."""

import re

HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
KANA = "\u3040-\u309f\u30a0-\u30ff\u31f0-\u31ff\uff66-\uff9f"
HANGUL = "\uac00-\ud7af\u1100-\u11ff\u3130-\u318f"
_HAN = re.compile(f"[{HAN}]")
_KANA = re.compile(f"[{KANA}]")
_HANGUL = re.compile(f"[{HANGUL}]")
_LATIN = re.compile(r"[A-Za-z]")
LANGUAGES = ("en", "zh", "ja", "ko")


def detect_language(text: str) -> str:
    """The language most of the text is in. A CJK character carries about as much as a short English
    word, so it counts for three letters; any kana among Han characters makes them Japanese."""
    sample = text[:20000]
    han, kana, hangul = len(_HAN.findall(sample)), len(_KANA.findall(sample)), len(_HANGUL.findall(sample))
    latin = len(_LATIN.findall(sample))
    cjk = {"ja": kana + (han if kana * 8 >= han else 0), "ko": hangul, "zh": han if kana * 8 < han else 0}
    language, count = max(cjk.items(), key=lambda item: item[1])
    return language if count and count * 3 >= latin * 0.5 else "en"
