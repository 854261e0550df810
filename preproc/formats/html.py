"""HTML: headings with their ids, paragraphs, lists, tables and <pre> code; navigation, tables of contents,
headers, footers, sidebars, permalink pilcrows and scripts left out."""

import re
from html.parser import HTMLParser

from .common import fence, heading_line

_BLOCKS = {
    "p",
    "div",
    "li",
    "ul",
    "ol",
    "dl",
    "dt",
    "dd",
    "br",
    "tr",
    "table",
    "section",
    "article",
    "main",
    "blockquote",
    "figure",
    "figcaption",
    "hr",
    "caption",
}
_HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
_SKIP_TAGS = {"script", "style", "nav", "noscript", "template", "header", "footer", "aside", "form", "svg"}
_SKIP_CLASS = re.compile(
    r"(?:^|[\s_-])(?:toc|nav|navbar|navheader|navfooter|navigation|sidebar|sidebar-nav|breadcrumbs?|menu|"
    r"headerlink|anchor|anchorjs-link|header-anchor|permalink|skip|related|pagination|pager|footer|"
    r"search|edit-?link|footnotes?|toolbar|quickview|page-nav|prev-next|visually-hidden|sr-only|copy)(?:$|[\s_-])",
    re.IGNORECASE,
)
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class _HtmlText(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.title = ""
        self.first_h1 = ""
        self._skip_stack: list[str] = []  # open skipped elements (tag names), innermost last
        self._in_title = False
        self._pre = 0
        self._pre_text: list[str] = []
        self._pre_language = ""
        self._heading: tuple[int, str] | None = None
        self._heading_text: list[str] = []
        self._pending_anchor = ""

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if self._skip_stack:
            if tag not in _VOID:
                self._skip_stack.append(tag)
            return
        if tag == "title":
            self._in_title = True
            return
        if tag == "body":
            return
        classes = f"{attributes.get('class') or ''} {attributes.get('id') or ''} {attributes.get('role') or ''}"
        if tag in _SKIP_TAGS or _SKIP_CLASS.search(classes) or attributes.get("aria-hidden") == "true":
            if tag not in _VOID:
                self._skip_stack.append(tag)
            return
        if tag == "a" and (attributes.get("id") or attributes.get("name")) and not attributes.get("href"):
            self._pending_anchor = self._pending_anchor or attributes.get("id") or attributes.get("name") or ""
        if tag == "pre":
            self._pre += 1
            if self._pre == 1:
                self._pre_text = []
                language = re.search(r"(?:language|lang|highlight)-([\w+-]+)", attributes.get("class") or "")
                self._pre_language = language.group(1) if language else ""
            return
        if self._pre:
            return
        if tag in _HEADINGS:
            self._heading = (_HEADINGS[tag], attributes.get("id") or "")
            self._heading_text = []
        elif tag == "li":
            self.parts.append("\n\n- ")
        elif tag in ("td", "th"):
            self.parts.append(" | ")
        elif tag == "code" and not self._heading:
            self.parts.append("`")
        elif tag in _BLOCKS:
            self.parts.append("\n\n")
        if attributes.get("id") and tag in ("section", "div") and not self._pending_anchor:
            self._pending_anchor = attributes["id"]

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in _VOID and self._skip_stack and self._skip_stack[-1] == tag:
            self._skip_stack.pop()

    def handle_endtag(self, tag):
        if self._skip_stack:
            if tag in self._skip_stack:  # close it and anything left open inside it
                while self._skip_stack and self._skip_stack.pop() != tag:
                    pass
            return
        if tag == "title":
            self._in_title = False
        elif tag == "head":
            return
        elif tag == "pre" and self._pre:
            self._pre -= 1
            if not self._pre:
                code = "".join(self._pre_text).strip("\n")
                if code.strip():
                    self.parts.append("\n\n" + fence(code, self._pre_language) + "\n\n")
        elif self._pre:
            return
        elif tag in _HEADINGS and self._heading:
            level, anchor = self._heading
            text = " ".join("".join(self._heading_text).split())
            self._heading = None
            if text:
                self.first_h1 = self.first_h1 or (text if level == 1 else "")
                self.parts.append("\n\n" + heading_line(level, text, anchor or self._pending_anchor) + "\n\n")
            self._pending_anchor = ""
        elif tag == "code" and not self._heading:
            self.parts.append("`")
        elif tag in _BLOCKS:
            self.parts.append("\n\n")

    def handle_data(self, data):
        if self._in_title:
            self.title += data
        elif self._skip_stack:
            return
        elif self._pre:
            self._pre_text.append(data)
        elif self._heading is not None:
            self._heading_text.append(data)
        else:
            self.parts.append(" ".join(data.split("\n")) if "\n" in data else data)


def read_html(html: str) -> tuple[str, str]:
    parser = _HtmlText()
    parser.feed(html)
    parser.close()
    text = "".join(parser.parts)
    text = re.sub(r"(?<!`)``(?!`)|\[\]", "", text)  # an empty <code></code>, a footnote mark's brackets
    text = re.sub(r"\n- [ \t]*(?:\n[ \t]*)+", "\n- ", text)  # <li><p>text: the item's paragraph is the item
    text = re.sub(r"\n\s*\|\s*", "\n", text)  # a table row starts without its separator
    return (parser.title.strip() or parser.first_h1), text
