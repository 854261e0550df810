"""One analyzer per language, each turning text into the words a search should match.

- English: lowercased, stopwords dropped, Snowball stems; identifiers (``apt-get``, ``mod_cache``, ``--reload``,
  ``x86_64``) are also kept whole, so an exact technical term matches exactly, in any language's text.
- Chinese: Traditional folded to Simplified with Taiwan's words (OpenCC ``tw2sp``), then words by jieba's
  dictionary (``rjieba``).
- Japanese: SudachiPy (small dictionary) morphemes in their normalised form, content words only.
- Korean: MeCab-ko morphemes, content words only (particles and endings dropped).

Each analyzer is loaded on first use, once per process. All dictionaries ship in the installed packages:
nothing is downloaded at run time.
"""

import re
import threading
import unicodedata
from functools import lru_cache

import snowballstemmer

from .language import HAN, HANGUL, KANA, detect_language

# Runs of CJK text, spaces between words included: MeCab-ko reads a Korean ending better in its sentence.
# Bumped whenever tokens change: stored passages made with another version are analysed again.
ANALYZER_VERSION = "8"

_CJK_RUN = re.compile(f"[{HAN}{KANA}{HANGUL}ー々〆]+(?:[ ]+[{HAN}{KANA}{HANGUL}ー々〆]+)*")
_HAS_KANA = re.compile(f"[{KANA}]")
_HAS_HANGUL = re.compile(f"[{HANGUL}]")
_IDENTIFIER = re.compile(
    r"--?[a-z][\w-]*[a-z0-9]"  # command-line options
    r"|[a-z0-9_]*[a-z0-9](?:[-_./:+@][a-z0-9_]*[a-z0-9])+"  # apt-get, mod_cache, sources.list, x86_64, 1.2.3
    r"|[a-z]+\d[a-z0-9]*|\d+[a-z]+[a-z0-9]*"  # ext4, http2, 64bit
)
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)?")
_IS_IDENTIFIER = re.compile(r"[-_./:+@]|[a-z]\d|\d[a-z]")

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
    let get got can't don't i'm it's what's possible way
    """.split()
)
_ZH_STOPWORDS = frozenset(
    """
    的 了 是 在 和 与 或 吗 呢 吧 啊 如何 怎么 怎样 怎么样 什么 为什么 为何 哪里 哪儿 哪些 哪个
    可以 能 能否 能够 会 要 需要 我 你 您 他 她 它 我们 你们 他们 这 那 这个 那个 这些 那些 一个
    有 没有 中 上 下 对 把 被 让 请 及 等 就 也 都 还 而 并 但 但是 如果 因为 所以 时 时候 以及
    其 之 于 以 为 将 从 到 给 由 该 此 所 地 得 着 过 个 又 再 即 用 做 吗 么 呀 去 来 里 啥 咋 呢
    已经 现在 哪 几 哪几 几个 哪几个 多少 是否 能不能 可不可以 怎么办 什么样 哪种 哪一个 一下
    """.split()
)
_JA_KEEP_POS = {"名詞", "動詞", "形容詞", "形状詞"}
_JA_STOPWORDS = frozenset(
    "する 為る ある 有る 居る いる なる 成る できる 出来る 行う れる られる ない こと 事 もの 物 "
    "よう 様 ため 為 とき 時 "
    "どう 何 なぜ どこ いつ どれ どの 方 ところ 所 これ それ あれ 場合 際 方法 言う 思う".split()
)
_KO_KEEP_POS = {"NNG", "NNP", "VV", "VA", "XR", "SH", "NR"}
_KO_STOPWORDS = frozenset(
    "하 되 있 없 보 주 알 같 이 수 것 등 때 방법 무엇 어떻 어디 왜 언제 누구 경우 사용하 위하 대하 통하 뭐 "
    # 하나요 and 뭔가요 are misread as 하나 ("one") + 요 and 뭔 + 가요: question endings, not content
    "하나 가요 몇 개".split()
)

_STEMMER = snowballstemmer.stemmer("english")
_lock = threading.Lock()
_local = threading.local()
_shared: dict[str, object] = {}


@lru_cache(maxsize=65536)
def _stem(word: str) -> str:
    return _STEMMER.stemWord(word)


@lru_cache(maxsize=65536)
def is_identifier(token: str) -> bool:
    """A token kept whole because it is code-like (it matches only itself, in every language)."""
    return bool(_IS_IDENTIFIER.search(token)) and token.isascii()


def _english(run: str, tokens: list[str]) -> None:
    for match in _IDENTIFIER.finditer(run):
        tokens.append(match.group())  # options keep their dashes: "--reload" is more than "reload"
    for word in _WORD.findall(run):
        word = word.replace("’", "'")
        if word in STOPWORDS or (word.isdigit() and len(word) <= 2):
            continue  # "3" of "3.1.2." or of "foo_1.2-3" matches any numbered section; the identifier stays whole
        tokens.append(_stem(word.split("'")[0]) if "'" in word else _stem(word))


def _get(name: str, load):
    if name not in _shared:
        with _lock:
            if name not in _shared:
                _shared[name] = load()
    return _shared[name]


def _opencc():
    import opencc

    return opencc.OpenCC("t2s"), opencc.OpenCC("tw2sp")


_HAN_CHAR = re.compile(f"[{HAN}]")
TRADITIONAL_SHARE = 0.1  # of its Han characters, this many spelled differently in Simplified: Traditional text


def is_traditional(text: str) -> bool:
    """Written in Traditional characters: enough of its Han characters change when folded to Simplified (one
    quoted Traditional word in a Simplified text does not make it Traditional)."""
    han = _HAN_CHAR.findall(text)
    if not han:
        return False
    folded = _get("opencc", _opencc)[0].convert("".join(han))
    changed = sum(a != b for a, b in zip(han, folded, strict=False))
    return changed > 0 and changed >= TRADITIONAL_SHARE * len(han)


def fold_chinese(text: str, *, traditional: bool | None = None) -> str:
    """Chinese text in one spelling, the mainland's. Traditional text goes through OpenCC tw2sp, which folds the
    characters and Taiwan's words too (軟體 -> 软件, 程式 -> 程序, 資料夾 -> 文件夹, 原始碼 -> 源代码); Simplified
    text only has its stray Traditional characters folded (t2s): tw2sp would misread mainland words in it
    (程序 -> 进程)."""
    t2s, tw2sp = _get("opencc", _opencc)
    if traditional is None:
        traditional = is_traditional(text)
    return tw2sp.convert(text) if traditional else t2s.convert(text)


def _jieba():
    import rjieba

    rjieba.cut("初始化")  # loads the dictionary now, not in the middle of a first question
    return rjieba


def _chinese(run: str, tokens: list[str], traditional: bool) -> None:
    for word in _get("jieba", _jieba).cut_for_search(fold_chinese(run, traditional=traditional)):
        if word not in _ZH_STOPWORDS and word.strip():
            tokens.append(word)


def _sudachi():
    from sudachipy import Dictionary, SplitMode

    return Dictionary(dict="small"), SplitMode.C


def _japanese(run: str, tokens: list[str]) -> None:
    dictionary, mode = _get("sudachi", _sudachi)
    tokenizer = getattr(_local, "sudachi", None)
    if tokenizer is None:  # a Sudachi tokenizer is not shared between threads
        tokenizer = _local.sudachi = dictionary.tokenizer(mode=mode)
    for morpheme in tokenizer.tokenize(run):
        pos = morpheme.part_of_speech()
        if pos[0] not in _JA_KEEP_POS or pos[1] in ("非自立可能", "数詞", "代名詞"):
            continue
        form = morpheme.normalized_form()
        if form not in _JA_STOPWORDS and morpheme.dictionary_form() not in _JA_STOPWORDS:
            tokens.append(form)


def _mecab():
    import mecab  # python-mecab-ko with its dictionary package

    return mecab


def _korean(run: str, tokens: list[str]) -> None:
    analyzer = getattr(_local, "mecab", None)
    if analyzer is None:
        analyzer = _local.mecab = _get("mecab", _mecab).MeCab()
    for morpheme in analyzer.parse(run):
        surface, tag = morpheme.surface, morpheme.feature.pos
        if "+" in tag and morpheme.feature.expression:  # 해야 = 하/VV + 아야/EC: the stem is what counts
            surface, tag = morpheme.feature.expression.split("+")[0].split("/")[:2]
        if tag in _KO_KEEP_POS and surface not in _KO_STOPWORDS:
            tokens.append(surface)


def tokenize(text: str, language: str | None = None) -> list[str]:
    """Index terms of `text`. `language` (en, zh, ja, ko) says how to read Han characters that stand alone:
    as Japanese in a Japanese document, else as Chinese; without it the text's own scripts decide."""
    text = unicodedata.normalize("NFKC", text).lower()
    if language is None:
        language = detect_language(text)
    tokens: list[str] = []
    position = 0
    traditional = None  # decided once for the whole text, at its first Chinese run
    for run in _CJK_RUN.finditer(text):
        if run.start() > position:
            _english(text[position : run.start()], tokens)
        cjk = run.group()
        if _HAS_HANGUL.search(cjk):
            _korean(cjk, tokens)
        elif _HAS_KANA.search(cjk) or language == "ja":
            _japanese(cjk, tokens)
        else:
            if traditional is None:
                traditional = is_traditional(text)
            _chinese(cjk, tokens, traditional)
        position = run.end()
    if position < len(text):
        _english(text[position:], tokens)
    return tokens


def warm_up() -> None:
    """Load every analyzer now (a server does this before its first question)."""
    tokenize("warm up 预热 準備する 준비")
