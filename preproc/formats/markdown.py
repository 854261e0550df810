"""Markdown (CommonMark plus the dialects of documentation sites: MkDocs, VitePress, Docusaurus)."""

import re

from .common import clean_inline, fence, heading_line, is_link_list

_ATX = re.compile(r"^(#{1,6})\s+(.*?)(?:\s+#+)?\s*$")
_ANCHOR = re.compile(r"\s*\{\s*#([\w:.-]+)[^}]*\}\s*$")  # "## Title { #anchor }" (MkDocs, VitePress, Pandoc)
_HTML_ANCHOR = re.compile(r"<a\s+(?:name|id)=\"([^\"]+)\"[^>]*>\s*</a>")
_FENCE = re.compile(r"^(\s*)(`{3,}|~{3,})\s*([\w+#.-]*)")
_SETEXT = re.compile(r"^(=+|-+)\s*$")
_RULE = re.compile(r"^\s*(?:(?:\*\s*){3,}|(?:-\s*){3,}|(?:_\s*){3,})$")
_DROP_LINE = re.compile(
    r"^\s*(?:\{\*.*\*\}|\{!.*!\}|--8<--.*|\[\[toc\]\]|\[toc\]|\{%.*%\}|\[[^\]]+\]:\s*\S+.*|"
    r":::.*|/{3}.*|import\s+.+\s+from\s+['\"].+['\"];?|>\s*\[!\w+\]\s*)$",
    re.IGNORECASE,
)
_ADMONITION = re.compile(r"^(!!!|\?\?\?\+?)\s+\w+(?:\s+\"([^\"]*)\")?\s*$")
_ONLY_TAGS = re.compile(r"^\s*(?:</?[a-zA-Z][\w:-]*(?:\s[^<>]*)?/?>\s*)+$")
_BLOCK_START = re.compile(r"^\s*<(script|style|template|svg)\b", re.IGNORECASE)
_LIST_ITEM = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+")
_FRONT_TITLE = re.compile(r"^title:\s*[\"']?(.*?)[\"']?\s*$", re.MULTILINE)


def _front_matter(lines: list[str]) -> tuple[str, list[str]]:
    if lines and lines[0].strip() in ("---", "+++"):
        closing = lines[0].strip()
        for end in range(1, min(len(lines), 200)):
            if lines[end].strip() == closing:
                match = _FRONT_TITLE.search("\n".join(lines[1:end]))
                return (match.group(1) if match else ""), lines[end + 1 :]
    return "", lines


def read_markdown(text: str) -> tuple[str, str]:
    """(title, canonical text)."""
    front_title, lines = _front_matter(text.split("\n"))
    lines = _drop_link_lists(lines).split("\n")
    out: list[str] = []
    title = ""
    in_fence, fence_marker, fence_indent = False, "", 0
    dedent = 0  # inside a MkDocs admonition its body is indented by four spaces
    skip_until = ""
    in_comment = False
    index = 0
    while index < len(lines):
        raw = lines[index]
        index += 1
        line = raw[dedent:] if dedent and raw.startswith(" " * dedent) else raw
        if dedent and raw.strip() and not raw.startswith(" " * dedent):
            dedent, line = 0, raw
        if in_fence:
            stripped = line.strip()
            if stripped.startswith(fence_marker) and not stripped.strip(fence_marker[0]):
                out.append(fence_marker)
                in_fence = False
            else:
                out.append(line[fence_indent:] if line[:fence_indent].isspace() else line)
            continue
        if skip_until:
            if skip_until in line.lower():
                skip_until = ""
            continue
        if in_comment:
            in_comment = "-->" not in line
            continue
        if line.lstrip().startswith("<!--") and "-->" not in line:
            in_comment = True
            continue
        if match := _FENCE.match(line):
            in_fence, fence_indent, fence_marker = True, len(match.group(1)), match.group(2)
            out.append(f"{fence_marker}{match.group(3)}")
            continue
        if block := _BLOCK_START.match(line):
            closing = f"</{block.group(1).lower()}>"
            if closing not in line.lower():
                skip_until = closing
            continue
        if admonition := _ADMONITION.match(line):
            dedent = 4
            if admonition.group(2):
                out.extend(["", f"{admonition.group(2)}:"])
            continue
        if _DROP_LINE.match(line) or _ONLY_TAGS.match(line):
            continue
        if heading := _ATX.match(line):
            text_, anchor = heading.group(2), ""
            if found := _ANCHOR.search(text_):
                anchor, text_ = found.group(1), text_[: found.start()]
            if found := _HTML_ANCHOR.search(text_):
                anchor = anchor or found.group(1)
            text_ = clean_inline(_HTML_ANCHOR.sub("", text_)).strip()
            if text_:
                level = len(heading.group(1))
                title = title or text_
                out.extend(["", heading_line(level, text_, anchor), ""])
            continue
        previous = out[-1] if out else ""
        one_line_paragraph_above = previous.strip() and not (out[-2].strip() if len(out) > 1 else "")
        if _SETEXT.match(line) and one_line_paragraph_above and not previous.startswith(("#", "```", "~~~")):
            text_ = clean_inline(out.pop()).strip()  # the paragraph above is the title
            title = title or text_
            out.extend(["", heading_line(1 if line.lstrip()[0] == "=" else 2, text_), ""])
            continue
        if _RULE.match(line):
            out.append("")
            continue
        if line.startswith(("    ", "\t")) and not previous.strip() and not _in_list(out):
            code = [line.expandtabs(4)[4:]]
            while index < len(lines) and (lines[index].startswith(("    ", "\t")) or not lines[index].strip()):
                code.append(lines[index].expandtabs(4)[4:])
                index += 1
            out.extend([fence("\n".join(code).rstrip()), ""])
            continue
        out.append(clean_inline(re.sub(r"^\s*>\s?", "", line)))
    if in_fence:
        out.append(fence_marker)
    return title or front_title, "\n".join(out)


def _in_list(out: list[str]) -> bool:
    for line in reversed(out):
        if line.strip():
            return bool(_LIST_ITEM.match(line)) or line.startswith((" ", "\t"))
    return False


def _drop_link_lists(lines: list[str]) -> str:
    """Join the lines, leaving out blocks that are only links (tables of contents, navigation)."""
    blocks: list[list[str]] = [[]]
    in_fence = ""
    for line in lines:
        stripped = line.strip()
        if in_fence:
            blocks[-1].append(line)
            if stripped == in_fence:
                in_fence = ""
            continue
        if match := _FENCE.match(line):
            in_fence = match.group(2)
        if not stripped and not in_fence:
            blocks.append([])
        else:
            blocks[-1].append(line)
    kept = [block for block in blocks if block and not is_link_list(block)]
    return "\n\n".join("\n".join(block) for block in kept)
