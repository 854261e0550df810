"""Pieces shared by the format readers: headings, fences, and the clean-up of inline markup."""

import re

_INLINE_HTML = re.compile(r"</?[a-zA-Z][\w:-]*(?:\s[^<>]*)?/?>")
_HTML_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
_MD_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
_MD_LINK = re.compile(r"\[([^\]]+)\]\((?:[^()\s]|\([^)]*\))*(?:\s+\"[^\"]*\")?\)")
_MD_REF_LINK = re.compile(r"\[([^\]]+)\]\[[^\]]*\]")
_BOLD = re.compile(r"\*\*(?=\S)(.+?)(?<=\S)\*\*")
_EMPHASIS = re.compile(r"(?<![\w*])\*(?=\S)([^*\n]+?)(?<=\S)\*(?![\w*])")
_PILCROW = re.compile(r"\s*[¶§]\s*$")
_CODE_SPAN = re.compile(r"(`+)(.+?)\1")


def heading_line(level: int, text: str, anchor: str = "") -> str:
    text = " ".join(_PILCROW.sub("", text).split())
    level = max(1, min(6, level))
    return f"{'#' * level} {text}" + (f" {{#{anchor}}}" if anchor else "")


def fence(code: str, language: str = "") -> str:
    ticks = "````" if "```" in code else "```"
    return f"{ticks}{language}\n{code.rstrip()}\n{ticks}"


def _outside_code(text: str, clean) -> str:
    """Apply `clean` to the text between inline code spans, leaving the spans as written."""
    out, last = [], 0
    for span in _CODE_SPAN.finditer(text):
        out.append(clean(text[last : span.start()]))
        out.append(span.group())
        last = span.end()
    out.append(clean(text[last:]))
    return "".join(out)


def clean_inline(text: str) -> str:
    """Markdown-ish prose without images, link targets, raw HTML tags, bold/emphasis markers or pilcrows."""

    def clean(part: str) -> str:
        part = _HTML_COMMENT.sub("", part)
        part = _MD_IMAGE.sub("", part)
        part = _MD_LINK.sub(r"\1", part)
        part = _MD_REF_LINK.sub(r"\1", part)
        part = _INLINE_HTML.sub("", part)
        part = _BOLD.sub(r"\1", part)
        part = _EMPHASIS.sub(r"\1", part)
        return part.replace("¶", "")

    return _outside_code(text, clean)


_LINK_ONLY_ITEM = re.compile(r"^\s*(?:[-*+]|\d+[.)])?\s*\[[^\]]+\]\([^)]*\)\s*[.,;]?\s*$")


def is_link_list(lines: list[str]) -> bool:
    """A block that is nothing but links (a table of contents, a "see also" list, a navigation bar)."""
    items = [line for line in lines if line.strip()]
    return len(items) >= 2 and all(_LINK_ONLY_ITEM.match(line) for line in items)
