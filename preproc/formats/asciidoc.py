"""AsciiDoc (Asciidoctor, as in Pro Git and many manuals): "== Title" sections at any depth, listing and
literal blocks as fences, index terms, includes, attributes, anchors and block macros left out."""

import re

from .common import clean_inline, fence, heading_line

_HEADING = re.compile(r"^(={1,6}|#{1,6})\s+(\S.*?)\s*(?:\s=+)?$")
_DELIMITER = re.compile(r"^(-{4,}|\.{4,}|={4,}|\*{4,}|_{4,}|\+{4,}|/{4,}|--|\|={3,}|`{3,}.*)$")
_ATTRIBUTE_LIST = re.compile(r"^\[(.*)\]$")
_DROP = re.compile(
    r"^(?::[\w-]+!?:.*|//(?!/).*|(?:include|image|video|audio|toc|ifdef|ifndef|ifeval|endif)::.*|"
    r"\[\[[^\]]*\]\]|\[#[^\]]*\]|<<<|'''|toc::\[\])$"
)
_INDEX_TERM = re.compile(r"\({3}[^)]*\){3}|\({2}([^)]*)\){2}")
_ANCHOR = re.compile(r"\[\[([^\],]+)(?:,[^\]]*)?\]\]|\[#([\w-]+)[^\]]*\]")
_XREF = re.compile(r"<<([^,>]+)(?:,\s*([^>]+))?>>")
_MACRO_LINK = re.compile(r"(?:link:|xref:|mailto:)?(?:[\w+.-]+://)?[^\s\[\]]*\[([^\]]*)\]")
_FOOTNOTE = re.compile(r"footnote(?:ref)?:[\w-]*\[[^\]]*\]")
_KBD = re.compile(r"(?:kbd|btn|menu|pass):([\w-]*)\[([^\]]*)\]")
_PASS = re.compile(r"\+{1,3}([^+]+)\+{1,3}")
_STRONG = re.compile(r"(?<![\w*])\*{1,2}(?=\S)([^*\n]+?)(?<=\S)\*{1,2}(?![\w*])")
_EMPH = re.compile(r"(?<![\w_])_{1,2}(?=\S)([^_\n]+?)(?<=\S)_{1,2}(?![\w_])")
_ADMONITION = re.compile(r"^(NOTE|TIP|IMPORTANT|WARNING|CAUTION):\s+")
_BLOCK_TITLE = re.compile(r"^\.(?=[^\s.])(.+)$")
_CALLOUT = re.compile(r"\s*<\d+>\s*$")


def _inline(text: str) -> str:
    text = _INDEX_TERM.sub(lambda m: m.group(1) or "", text)
    text = _FOOTNOTE.sub("", text)
    text = _ANCHOR.sub("", text)
    text = _XREF.sub(lambda m: m.group(2) or m.group(1).replace("_", " ").strip(), text)
    text = _KBD.sub(lambda m: m.group(2) if m.group(1) in ("", "kbd", "btn") else f"{m.group(1)} › {m.group(2)}", text)
    text = _MACRO_LINK.sub(lambda m: m.group(1) or "", text) if "[" in text else text
    text = _PASS.sub(r"\1", text)
    text = _STRONG.sub(r"\1", text)
    text = _EMPH.sub(r"\1", text)
    text = _ADMONITION.sub(lambda m: f"{m.group(1).title()}: ", text)
    return clean_inline(text)


def read_asciidoc(text: str) -> tuple[str, str]:
    lines = text.split("\n")
    out: list[str] = []
    title = ""
    pending_anchor = ""
    source_language = ""
    index = 0
    while index < len(lines):
        line = lines[index].rstrip()
        index += 1
        stripped = line.strip()
        if heading := _HEADING.match(line):
            level = len(heading.group(1))  # "= Document" is 1, "== Chapter" 2, "==== Heading" 4
            text_ = _inline(heading.group(2)).strip()
            title = title or text_
            out.extend(["", heading_line(level, text_, pending_anchor), ""])
            pending_anchor = ""
            continue
        if anchor := _ANCHOR.fullmatch(stripped):
            pending_anchor = anchor.group(1) or anchor.group(2) or ""
            continue
        if attributes := _ATTRIBUTE_LIST.match(stripped):
            parts = [p.strip() for p in attributes.group(1).split(",")]
            if parts and parts[0] in ("source", "listing") or parts[0].startswith("source"):
                source_language = parts[1] if len(parts) > 1 else ""
            elif parts and parts[0] == "" and len(parts) > 1:
                source_language = parts[1]
            continue
        if _DROP.match(stripped):
            continue
        if delimiter := _DELIMITER.match(stripped):
            marker = delimiter.group(1)
            end = index
            while end < len(lines) and lines[end].strip() != marker:
                end += 1
            body = lines[index:end]
            index = end + 1
            if marker[0] in "-." and marker != "--" or marker.startswith("```"):
                language = source_language or (marker[3:].strip() if marker.startswith("```") else "")
                code = "\n".join(_CALLOUT.sub("", b) for b in body).strip("\n")
                out.extend(["", fence(code, language), ""])
            elif marker[0] == "/" or marker[0] == "+":
                pass  # a comment block; a passthrough block (raw HTML)
            elif marker.startswith("|="):
                rows = [_inline(" ".join(cell.strip() for cell in row.split("|") if cell.strip())) for row in body]
                out.extend(["", *[row for row in rows if row], ""])
            else:  # example, sidebar, quote and open blocks: their content is ordinary text
                _, inner = read_asciidoc("\n".join(body))
                out.extend(["", inner, ""])
            source_language = ""
            continue
        if block_title := _BLOCK_TITLE.match(stripped):
            out.append(_inline(block_title.group(1)) + ":")
            continue
        if stripped == "+":  # list continuation
            continue
        out.append(_inline(line))
    return title, "\n".join(out)
