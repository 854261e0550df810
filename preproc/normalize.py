"""Unicode NFKC and whitespace normalisation, keeping paragraph breaks (blank lines)."""

import re
import unicodedata

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u200b\ufeff]")
_SPACES = re.compile(r"[ \t\u3000\xa0]+")
_BLANK_LINES = re.compile(r"\n\s*\n+")
# NFKC would turn CJK full-width punctuation into ASCII ("，" -> ","), which reads badly in a
# Chinese or Japanese answer: those few characters are kept, everything else is normalised.
_KEEP = "，！？：；（）"
_NOT_KEPT = re.compile(f"[^{_KEEP}]+")


def normalize_text(text: str) -> str:
    """NFKC (full-width letters and digits become ASCII; CJK punctuation stays), one space between words, one blank line
    between paragraphs, no trailing spaces. Line breaks inside a paragraph are kept: headings
    and list items are recognised by them later."""
    text = (
        _NOT_KEPT.sub(lambda run: unicodedata.normalize("NFKC", run.group()), text)
        .replace("\r\n", "\n")
        .replace("\r", "\n")
    )
    text = _CONTROL.sub("", text)
    lines = [_SPACES.sub(" ", line).strip() for line in text.split("\n")]
    text = "\n".join(lines)
    return _BLANK_LINES.sub("\n\n", text).strip()
