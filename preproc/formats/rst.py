"""reStructuredText (Sphinx): section titles by underline style, literal blocks and code directives as fences,
directives that only wire documents together (toctree, include, index, images, labels) left out."""

import re

from .common import clean_inline, fence, heading_line

_ADORNMENT = re.compile(r"^([=\-~^\"'`#*+<>:._])\1{2,}\s*$")
_DIRECTIVE = re.compile(r"^(\s*)\.\.\s+(?:([\w:-]+)::\s*(.*))?")
_CODE_DIRECTIVES = {"code-block", "code", "sourcecode", "literalinclude", "parsed-literal", "doctest", "prompt"}
_KEEP_BODY = {
    "note",
    "tip",
    "hint",
    "important",
    "warning",
    "caution",
    "attention",
    "danger",
    "error",
    "seealso",
    "versionadded",
    "versionchanged",
    "deprecated",
    "admonition",
    "topic",
    "rubric",
    "container",
    "only",
    "tab",
    "group-tab",
    "code-tab",
}
_ROLE_WITH_TARGET = re.compile(r":[\w:+-]+:`([^`<]+?)\s*<[^`>]*>`")
_ROLE = re.compile(r":([\w:+-]+):`([^`]+)`")
_LINK = re.compile(r"`([^`<]+?)\s*<[^`>]*>`__?")
_REF = re.compile(r"`([^`]+)`__?")
_LITERAL = re.compile(r"``(.+?)``")
_SUBSTITUTION = re.compile(r"\|([\w -]+)\|")
_FIELD = re.compile(r"^:(?:orphan|tocdepth|nosearch|hide-toc|og:[\w-]+|\w+):.*$")


def _inline(text: str) -> str:
    text = _ROLE_WITH_TARGET.sub(r"\1", text)
    text = _ROLE.sub(
        lambda m: f"`{m.group(2).lstrip('~!')}`" if m.group(1) not in ("ref", "doc", "term") else m.group(2), text
    )
    text = _LINK.sub(r"\1", text)
    text = _LITERAL.sub(r"`\1`", text)
    text = _REF.sub(r"\1", text)
    text = _SUBSTITUTION.sub(r"\1", text)
    return clean_inline(text)


def _indented_block(lines: list[str], start: int, indent: int) -> int:
    """Index just past the block indented deeper than `indent` that starts at `start` (blank lines included)."""
    end = start
    while end < len(lines) and (not lines[end].strip() or len(lines[end]) - len(lines[end].lstrip()) > indent):
        end += 1
    while end > start and not lines[end - 1].strip():
        end -= 1
    return end


def _dedent(block: list[str]) -> str:
    widths = [len(line) - len(line.lstrip()) for line in block if line.strip()]
    cut = min(widths) if widths else 0
    return "\n".join(line[cut:] for line in block)


def read_rst(text: str) -> tuple[str, str]:
    lines = text.split("\n")
    out: list[str] = []
    title = ""
    styles: list[tuple[str, bool]] = []  # underline character and overline, in order of first use = level
    index = 0
    while index < len(lines):
        line = lines[index]
        stripped = line.strip()
        nxt = lines[index + 1] if index + 1 < len(lines) else ""
        # A title: text underlined (optionally overlined) by a line at least as long as the text.
        if (
            stripped
            and not _ADORNMENT.match(line)
            and _ADORNMENT.match(nxt)
            and len(nxt.strip()) >= len(stripped)
            and not line.startswith(" ")
        ):
            overlined = bool(out) and _ADORNMENT.match(lines[index - 1] or "") is not None
            if overlined:
                out.pop()
            style = (nxt.strip()[0], overlined)
            if style not in styles:
                styles.append(style)
            heading = _inline(stripped)
            title = title or heading
            out.extend(["", heading_line(styles.index(style) + 1, heading), ""])
            index += 2
            continue
        if _ADORNMENT.match(line) and not (out and out[-1].strip()):
            index += 1  # an overline (its title follows) or a transition
            continue
        if _FIELD.match(stripped) and not out:
            index += 1
            continue
        if directive := _DIRECTIVE.match(line):
            indent, name, argument = len(directive.group(1)), (directive.group(2) or ""), directive.group(3) or ""
            end = _indented_block(lines, index + 1, indent)
            body = lines[index + 1 : end]
            # Directive options (":linenos:") come first in the body.
            while body and re.match(r"^\s*:[\w-]+:", body[0]):
                body = body[1:]
            if name in _CODE_DIRECTIVES and name != "literalinclude":
                out.extend(["", fence(_dedent(body).strip("\n"), argument.strip()), ""])
            elif name in _KEEP_BODY:
                label = argument.strip() if name in ("admonition", "topic", "rubric") else ""
                inner_title, inner = read_rst(_dedent(body))
                out.extend(["", *([_inline(label)] if label else []), inner, ""])
            index = end
            continue
        if stripped.endswith("::") and not stripped.startswith(".."):
            # "Paragraph::" introduces a literal block: the paragraph keeps one colon.
            kept = stripped[:-2].rstrip()
            if kept:
                out.append(_inline(line.rstrip()[:-2].rstrip() + ":"))
            end = _indented_block(lines, index + 1, len(line) - len(line.lstrip()))
            body = lines[index + 1 : end]
            if any(b.strip() for b in body):
                out.extend(["", fence(_dedent(body).strip("\n")), ""])
            index = end
            continue
        out.append(_inline(line))
        index += 1
    return title, "\n".join(out)
