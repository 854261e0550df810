"""What /ask says: the sentences of the passage that answer (Markdown, as the document wrote them, never
cut before the fact), where they come from (document › section, which knowledge base) and a near-tie
second source; or, in the question's language, that the documents do not cover it."""

import re

from preproc import is_identifier, split_sentences, tokenize
from preproc.passages import parse_blocks

from .models import Passage
from .ranking import Found, Question

ANSWER_MAX_CHARS = 700  # a longer passage is trimmed to the part that answers
ANSWER_MIN_CHARS = 160  # ... but not to a lone sentence without its context
CODE_ALLOWANCE = 600  # a command introduced by the last sentence is kept even past the limit

UNKNOWN = {
    "en": "I don't know that — the documents I have don't cover it. Try `/search <words>`, or ask the chat.",
    "zh": "我不知道——我手头的文档没有涉及这个问题。可以试试 `/search 关键词`，或者问问聊天里的大家。",
    "zh-Hant": "我不知道——我手上的文件沒有涵蓋這個問題。可以試試 `/search 關鍵字`，或者問問聊天室裡的大家。",
    "ja": "わかりません — 手元のドキュメントには書かれていません。"
    "`/search キーワード` を試すか、チャットで聞いてみてください。",
    "ko": "모르겠습니다 — 제가 가진 문서에는 그 내용이 없습니다. `/search 검색어`를 써 보거나 채팅방에 물어보세요.",
}
KNOWLEDGE_BASES = {
    "en": {"chat": "this chat's documents", "site": "the site's documents", "manual": "the mychat manual"},
    "zh": {"chat": "本聊天的文档", "site": "站点文档", "manual": "mychat 手册"},
    "zh-Hant": {"chat": "本聊天室的文件", "site": "站台文件", "manual": "mychat 手冊"},
    "ja": {"chat": "このチャットのドキュメント", "site": "サイトのドキュメント", "manual": "mychat マニュアル"},
    "ko": {"chat": "이 채팅방의 문서", "site": "사이트 문서", "manual": "mychat 설명서"},
}
SEE_ALSO = {"en": "See also", "zh": "另见", "zh-Hant": "另見", "ja": "こちらも参照", "ko": "함께 보기"}
LANGUAGE_NAMES = {
    "en": {"en": "English", "zh": "Chinese", "ja": "Japanese", "ko": "Korean"},
    "zh": {"en": "英文", "zh": "中文", "ja": "日文", "ko": "韩文"},
    "zh-Hant": {"en": "英文", "zh": "中文", "ja": "日文", "ko": "韓文"},
    "ja": {"en": "英語", "zh": "中国語", "ja": "日本語", "ko": "韓国語"},
    "ko": {"en": "영어", "zh": "중국어", "ja": "일본어", "ko": "한국어"},
}


def locale(question: Question) -> str:
    return "zh-Hant" if question.traditional else question.language


def unknown(question: Question | None) -> str:
    return UNKNOWN[locale(question) if question else "en"]


def _units(text: str) -> list[tuple[int, str, str]]:
    """(block number, kind, text): sentences of paragraphs, items of lists, whole code blocks."""
    units = []
    for number, block in enumerate(parse_blocks(text)):
        if block.kind == "code":
            units.append((number, "code", block.text))
        elif any(line.lstrip().startswith(("- ", "* ", "+ ")) for line in block.text.split("\n")):
            units.extend((number, "item", line) for line in block.text.split("\n") if line.strip())
        else:
            units.extend((number, "text", s) for s in split_sentences(" ".join(block.text.split("\n"))))
    return units


def _join(units: list[tuple[int, str, str]]) -> str:
    out = ""
    for i, (number, kind, text) in enumerate(units):
        if i == 0:
            out = text
        elif number != units[i - 1][0]:
            out += "\n\n" + text
        elif kind == "item":
            out += "\n" + text
        else:
            out += text if out[-1] in "。！？" else " " + text
    return out


def excerpt(passage: Passage, question: Question) -> str:
    """The passage, or the part of it that answers: from the best-matching sentence (or the sentence that
    introduces it) onwards, up to about ANSWER_MAX_CHARS, code blocks whole."""
    text = passage.text
    if len(text) <= ANSWER_MAX_CHARS:
        return text
    units = _units(text)
    if not units:
        return text[:ANSWER_MAX_CHARS]
    wanted = {**{t: question.idf[t] * question.terms[t] for t in question.terms}}
    for term, options in question.translations.items():
        for other, weight in options:
            wanted[other] = max(wanted.get(other, 0.0), question.idf[term] * weight)

    def value(unit) -> float:
        tokens = set(tokenize(unit[2], language=passage.language))
        return sum(w * (1.5 if is_identifier(t) else 1.0) for t, w in wanted.items() if t in tokens)

    values = [value(u) for u in units]
    best = max(range(len(units)), key=lambda i: (values[i], -i))
    start = best
    if best > 0 and (units[best][1] == "code" or units[best - 1][2].rstrip().endswith((":", "："))):
        start = best - 1
    end, size = start, 0
    while end < len(units):
        length = len(units[end][2])
        introduced = end > start and units[end][1] == "code" and units[end - 1][2].rstrip().endswith((":", "："))
        if (
            end > start
            and size + length > ANSWER_MAX_CHARS
            and not (introduced and size + length <= ANSWER_MAX_CHARS + CODE_ALLOWANCE)
        ):
            break
        size += length
        end += 1
    while start > 0 and size < ANSWER_MIN_CHARS:
        start -= 1
        size += len(units[start][2])
    return _join(units[start:end])


def source(passage: Passage) -> str:
    """Document title › section (at most the two innermost headings), never a path on the server. A chat's
    document that came from an attachment links to the message that carried the file, which the app opens."""
    document = passage.document
    title = document.name or document.title if document.scope == "chat" else document.title
    headings = [h for h in passage.headings if h != document.title][-2:]
    text = " › ".join([title, *headings])
    if document.scope == "chat" and document.message_seq and document.session_id:
        return f"[{literal(text)}](/chats/{document.session.uri}?seq={document.message_seq})"
    return text


def literal(text: str) -> str:
    """A file name or title as plain text inside the bot's Markdown: no emphasis, code or link of its own."""
    return re.sub(r"([\\`*_\[\]<>])", r"\\\1", text)


def found(result: Found, question: Question, passages: dict[int, Passage]) -> str:
    where = locale(question)
    shown = passages[result.shown_passage_id]
    lines = [excerpt(shown, question), ""]
    origin = f"— {source(shown)} · {KNOWLEDGE_BASES[where][result.scope]}"
    if shown.language != question.language:
        origin += f" ({LANGUAGE_NAMES[where][shown.language]})"
    lines.append(origin)
    if result.also and result.also.passage_id in passages:
        lines.append(f"{SEE_ALSO[where]}: {source(passages[result.also.passage_id])}")
    return "\n".join(lines)
