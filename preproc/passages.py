"""Split a canonical document (Markdown headings, ``` fences, paragraphs) into passages that can answer a
question on their own: each remembers its heading path, keeps code with the text that explains it, and a
short lead-in travels with what follows it."""

import re
from dataclasses import dataclass

TARGET_CHARS = 500  # a passage grows block by block up to about this size
MAX_CHARS = 900  # a paragraph longer than this is split between sentences
MAX_CODE_CHARS = 1200  # a longer code block is cut: an answer quotes it, it need not carry all of it
LEAD_IN_CHARS = 160  # a section this short, followed by a subsection, is that subsection's introduction

_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*(?:\{#([^}\s]+)\})?\s*$")
_FENCE = re.compile(r"^(`{3,}|~{3,})")
_CJK_CHAR = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af"
# A sentence ends at . ! ? followed by a space, at CJK 。！？ (no space follows in CJK text), or
# at ! ? right after a CJK character (full-width forms normalised to ASCII).
_SENTENCE_END = re.compile(rf"(?<=[.!?…])\s+(?=\S)|(?<=[。！？｡])\s*(?=\S)|(?<=[{_CJK_CHAR}][!?])\s*(?=\S)")


@dataclass(frozen=True)
class Passage:
    heading_path: tuple[str, ...]  # the headings above the passage, outermost first
    text: str
    section: int = 0  # the ordinal of its section in the document (0: before the first heading)
    anchor: str = ""  # the section's id in the source (HTML id, {#anchor}), when it has one

    @property
    def heading(self) -> str:
        return self.heading_path[-1] if self.heading_path else ""


@dataclass(frozen=True)
class Block:
    kind: str  # "heading", "code" or "text"
    text: str
    level: int = 0
    anchor: str = ""


def split_sentences(text: str) -> list[str]:
    return [s.strip() for s in _SENTENCE_END.split(text) if s.strip()]


def parse_blocks(text: str) -> list[Block]:
    """Headings, fenced code and paragraphs of a canonical text; a "#" inside a fence is code, not a heading."""
    blocks: list[Block] = []
    paragraph: list[str] = []
    code: list[str] = []
    fence = ""

    def flush():
        if paragraph:
            blocks.append(Block("text", _unwrap("\n".join(paragraph).strip())))
            paragraph.clear()

    for line in text.split("\n"):
        if fence:
            code.append(line)
            if line.strip() == fence:
                blocks.append(Block("code", "\n".join(code)))
                code, fence = [], ""
            continue
        if match := _FENCE.match(line.strip()):
            flush()
            fence, code = match.group(1), [line.strip()]
        elif heading := _HEADING.match(line):
            flush()
            blocks.append(Block("heading", heading.group(2), len(heading.group(1)), heading.group(3) or ""))
        elif not line.strip():
            flush()
        else:
            paragraph.append(line)
    flush()
    if code:
        blocks.append(Block("code", "\n".join([*code, fence])))
    return [b for b in blocks if b.text.strip()]


_LINE_STARTS_ITEM = re.compile(r"^\s*(?:[-*+]\s|\d+[.)]\s|\|)")


def _unwrap(text: str) -> str:
    """Join a paragraph's soft line breaks (the source's wrapping); list items and table rows keep theirs."""
    lines: list[str] = []
    for line in text.split("\n"):
        if lines and not _LINE_STARTS_ITEM.match(line) and not lines[-1].lstrip().startswith("|"):
            joiner = "" if re.search(f"[{_CJK_CHAR}。，、]$", lines[-1]) else " "
            lines[-1] = f"{lines[-1]}{joiner}{line.strip()}"
        else:
            lines.append(line)
    return "\n".join(lines)


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


def _cut_code(code: str) -> str:
    if len(code) <= MAX_CODE_CHARS:
        return code
    lines = code.split("\n")
    fence, kept, size = lines[-1], [], 0
    for line in lines[:-1]:
        if size + len(line) > MAX_CODE_CHARS:
            break
        kept.append(line)
        size += len(line) + 1
    return "\n".join([*kept, "…", fence])


@dataclass
class _Section:
    path: tuple[str, ...]
    level: int
    anchor: str
    number: int
    body: list[Block]


def _sections(blocks: list[Block]) -> list[_Section]:
    sections = [_Section((), 0, "", 0, [])]
    stack: list[tuple[int, str]] = []
    for block in blocks:
        if block.kind == "heading":
            while stack and stack[-1][0] >= block.level:
                stack.pop()
            stack.append((block.level, block.text))
            sections.append(_Section(tuple(t for _, t in stack), block.level, block.anchor, len(sections), []))
        else:
            sections[-1].body.append(block)
    return sections


def _pieces(body: list[Block]) -> list[str]:
    """Group a section's blocks into passage texts of about TARGET_CHARS, code kept with its explanation."""
    units: list[tuple[str, str]] = []
    for block in body:
        if block.kind == "code":
            units.append(("code", _cut_code(block.text)))
        elif len(block.text) > MAX_CHARS:
            units.extend(("text", chunk) for chunk in _chunks_of_long_paragraph(block.text))
        else:
            units.append(("text", block.text))
    pieces: list[list[tuple[str, str]]] = []
    current: list[tuple[str, str]] = []
    for kind, text in units:
        size = sum(len(t) for _, t in current)
        if current and size + len(text) > TARGET_CHARS:
            introduces = current[-1][0] == "text" and current[-1][1].rstrip().endswith((":", "：")) and kind == "code"
            if introduces and size + len(text) <= MAX_CHARS + MAX_CODE_CHARS // 2:
                current.append((kind, text))  # "Run this:" and the command stay together
                continue
            if introduces and len(current) > 1:
                carried = current.pop()  # the sentence that introduces the code goes with it
                pieces.append(current)
                current = [carried]
            else:
                pieces.append(current)
                current = []
        current.append((kind, text))
    if current:
        if pieces and sum(len(t) for _, t in current) < 80 and current[0][0] == "text":
            pieces[-1].extend(current)  # a short tail is the end of the passage before it
        else:
            pieces.append(current)
    return ["\n\n".join(t for _, t in piece) for piece in pieces]


def split_passages(text: str) -> list[Passage]:
    passages: list[Passage] = []
    sections = _sections(parse_blocks(text))
    lead_in = ""
    for position, section in enumerate(sections):
        body_chars = sum(len(b.text) for b in section.body)
        following = sections[position + 1] if position + 1 < len(sections) else None
        if (
            section.body
            and following
            and following.level > section.level
            and body_chars <= LEAD_IN_CHARS
            and not lead_in  # introduced itself, a short section answers on its own: not its subsection's
        ):
            # "Heading, one sentence, then the subsections": the sentence introduces the first subsection.
            lead_in = "\n\n".join(filter(None, [lead_in, "\n\n".join(b.text for b in section.body)]))
            continue
        for piece in _pieces(section.body):
            if lead_in:
                piece, lead_in = f"{lead_in}\n\n{piece}", ""
            passages.append(Passage(section.path, piece, section.number, section.anchor))
    if lead_in:
        passages.append(Passage(sections[-1].path, lead_in, sections[-1].number, sections[-1].anchor))
    return passages
