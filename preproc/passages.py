"""Split a normalised document into passages along headings and paragraphs, never mid-sentence
where avoidable; each passage remembers the heading it sits under."""

import re
from dataclasses import dataclass

TARGET_CHARS = 500  # a passage grows paragraph by paragraph up to about this size
MAX_CHARS = 900  # a paragraph longer than this is split between sentences

_HEADING = re.compile(r"^#{1,6}\s+(.*\S)\s*$")
_CJK_CHAR = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af"
# A sentence ends at . ! ? followed by a space, at CJK 。！？ (no space follows in CJK text), or
# at ! ? right after a CJK character (full-width forms normalised to ASCII).
_SENTENCE_END = re.compile(rf"(?<=[.!?…])\s+(?=\S)|(?<=[。！？｡])\s*(?=\S)|(?<=[{_CJK_CHAR}][!?])\s*(?=\S)")


@dataclass(frozen=True)
class Passage:
    heading: str
    text: str


def split_sentences(text: str) -> list[str]:
    return [s.strip() for s in _SENTENCE_END.split(text) if s.strip()]


def _chunks_of_long_paragraph(paragraph: str) -> list[str]:
    chunks: list[str] = []
    current = ""
    for sentence in split_sentences(paragraph):
        while len(sentence) > MAX_CHARS:  # a "sentence" with no end in sight: cut it anyway
            if current:
                chunks.append(current)
                current = ""
            chunks.append(sentence[:MAX_CHARS])
            sentence = sentence[MAX_CHARS:]
        joiner = "" if _ends_cjk(current) else " "
        if current and len(current) + len(sentence) + 1 > TARGET_CHARS:
            chunks.append(current)
            current = sentence
        else:
            current = f"{current}{joiner}{sentence}" if current else sentence
    if current:
        chunks.append(current)
    return chunks


def _ends_cjk(text: str) -> bool:
    return bool(text) and text[-1] in "。！？"


def split_passages(text: str) -> list[Passage]:
    passages: list[Passage] = []
    heading = ""
    buffer: list[str] = []

    def flush():
        if buffer:
            passages.append(Passage(heading=heading, text="\n\n".join(buffer)))
            buffer.clear()

    for block in text.split("\n\n"):
        lines = block.split("\n")
        # A heading may share its block with the paragraph right under it.
        while lines and (match := _HEADING.match(lines[0])):
            flush()
            heading = match.group(1)
            lines = lines[1:]
        paragraph = "\n".join(lines).strip()
        if not paragraph:
            continue
        pieces = _chunks_of_long_paragraph(paragraph) if len(paragraph) > MAX_CHARS else [paragraph]
        for piece in pieces:
            if buffer and sum(len(b) for b in buffer) + len(piece) > TARGET_CHARS:
                flush()
            buffer.append(piece)
    flush()
    return passages
