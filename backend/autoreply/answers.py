"""What /ask says: the sentences of the passage that answer (Markdown, as the document wrote them, never
cut before the fact), where they come from (document › section, which knowledge base) and a near-tie
second source; or, in the question's language, that the documents do not cover it."""

import re

from preproc import is_identifier, split_sentences, tokenize
from preproc.passages import parse_blocks

from .models import Passage
from .ranking import Found, Question
from .texts import LANGUAGES, say

ANSWER_MAX_CHARS = 700  # a longer passage is trimmed to the part that answers
ANSWER_MIN_CHARS = 160  # ... but not to a lone sentence without its context
CODE_ALLOWANCE = 600  # a command introduced by the last sentence is kept even past the limit


def locale(question: Question) -> str:
    """The question's language among the bot's texts' (texts.LANGUAGES)."""
    if question.language == "zh":
        return "zh-Hant" if question.traditional else "zh-Hans"
    return question.language if question.language in LANGUAGES else "en"


def unknown(question: Question | None) -> str:
    return say("ask.unknown", locale(question) if question else "en")


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
    lines.append(f"— {source(shown)} · {say(f'kb.{result.scope}', where)}{_language(shown, question)}")
    if result.also and result.also.passage_id in passages:
        also = passages[result.also.passage_id]
        lines.append(f"{say('ask.see_also', where)}: {source(also)}{_language(also, question)}")
    return "\n".join(lines)


def _language(passage: Passage, question: Question) -> str:
    """ " (Japanese)" after a source in another language than the question's, in the question's language."""
    if passage.language == question.language:
        return ""
    return f" ({say(f'language.{passage.language}', locale(question))})"
