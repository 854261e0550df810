"""Unicode NFKC and whitespace normalisation, keeping paragraph breaks and fenced code as written."""

import re
import unicodedata

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u200b\ufeff]")
_SPACES = re.compile(r"[ \t\u3000\xa0]+")
_BLANK_LINES = re.compile(r"\n\s*\n+")
# NFKC would turn CJK full-width punctuation into ASCII ("，" -> ","), which reads badly in a
# Chinese or Japanese answer: those few characters are kept, everything else is normalised.
_KEEP = "，！？：；（）"
_NOT_KEPT = re.compile(f"[^{_KEEP}]+")
FENCE = re.compile(r"^(`{3,}|~{3,})")


def nfkc(text: str) -> str:
    return _NOT_KEPT.sub(lambda run: unicodedata.normalize("NFKC", run.group()), text)


def normalize_text(text: str) -> str:
    """NFKC (full-width letters and digits become ASCII; CJK punctuation stays), one space between words, one blank line
    between paragraphs, no trailing spaces. Line breaks inside a paragraph are kept: headings
    and list items are recognised by them later. Inside ``` fences only tabs and trailing spaces change:
    indentation is part of code."""
    text = _CONTROL.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))
    out: list[str] = []
    prose: list[str] = []
    fence = ""

    def flush_prose():
        if prose:
            lines = [_SPACES.sub(" ", line).strip() for line in nfkc("\n".join(prose)).split("\n")]
            out.append(_BLANK_LINES.sub("\n\n", "\n".join(lines)).strip())
            prose.clear()

    code: list[str] = []
    for line in text.split("\n"):
        marker = FENCE.match(line.strip())
        if fence:
            code.append(line.expandtabs(4).rstrip())
            if marker and line.strip().startswith(fence) and not line.strip()[len(fence) :].strip():
                out.append("\n".join(code))
                code, fence = [], ""
        elif marker:
            flush_prose()
            fence = marker.group(1)
            code = [line.strip()]
        else:
            prose.append(line)
    flush_prose()
    if code:  # an unclosed fence runs to the end of the document
        out.append("\n".join([*code, fence]))
    return "\n\n".join(part for part in out if part.strip()).strip()
