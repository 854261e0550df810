"""Readers for .txt .md .rst .html .pdf: each file becomes a Document (title + normalised text)."""

import re
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

from .normalize import normalize_text

SUPPORTED_SUFFIXES = (".txt", ".md", ".markdown", ".rst", ".html", ".htm", ".pdf")


class UnreadableDocument(Exception):
    """The file is binary, undecodable, empty or of an unsupported type."""


@dataclass(frozen=True)
class Document:
    title: str
    text: str  # normalised; headings kept as Markdown-style "# " lines so the splitter sees them


def read_document(path: str | Path) -> Document:
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        raise UnreadableDocument(f"unsupported file type {suffix or '(none)'}")
    try:
        if suffix == ".pdf":
            title, text = _read_pdf(path)
        else:
            raw = _decode(path.read_bytes())
            if suffix in (".html", ".htm"):
                title, text = _read_html(raw)
            elif suffix == ".rst":
                title, text = _read_rst(raw)
            else:
                title, text = _first_heading(raw), raw
    except UnreadableDocument:
        raise
    except Exception as exc:  # a corrupt PDF, a permission error...: reported, never fatal
        raise UnreadableDocument(f"{type(exc).__name__}: {exc}") from exc
    text = normalize_text(text)
    if not text:
        raise UnreadableDocument("no text")
    return Document(title=normalize_text(title or "") or path.name, text=text)


def _decode(data: bytes) -> str:
    if b"\x00" in data[:8192]:
        raise UnreadableDocument("binary file")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise UnreadableDocument("not UTF-8 text") from None


def _first_heading(text: str) -> str:
    match = re.search(r"^#{1,6}\s+(.+)$", text, re.MULTILINE)
    return match.group(1).strip() if match else ""


_RST_UNDERLINE = re.compile(r"^([=\-~^\"'`#*+<>:.])\1{2,}\s*$")


def _read_rst(text: str) -> tuple[str, str]:
    """Turn reStructuredText section titles (a line underlined with =, -, ~ ...) into "# " lines."""
    lines = text.split("\n")
    out: list[str] = []
    title = ""
    for line in lines:
        underlines_title = out and out[-1].strip() and not _RST_UNDERLINE.match(out[-1])
        # As in docutils, an underline is at least as long as its title ("..." under a long line is text).
        if _RST_UNDERLINE.match(line) and underlines_title and len(line.strip()) >= len(out[-1].strip()):
            heading = out.pop().strip()
            title = title or heading
            out.append(f"# {heading}")
        elif _RST_UNDERLINE.match(line) and not (out and out[-1].strip()):
            continue  # an overline: it opens a section, after a blank line
        else:
            out.append(line)
    return title, "\n".join(out)


class _HtmlText(HTMLParser):
    BLOCKS = {"p", "div", "li", "ul", "ol", "br", "tr", "table", "section", "article", "pre", "blockquote"}
    HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
    SKIP = {"script", "style", "head", "nav", "noscript", "template"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.title = ""
        self._skip = 0
        self._in_title = False

    def handle_starttag(self, tag, attrs):
        if tag == "title":
            self._in_title = True
        elif tag == "body":
            self._skip = 0  # </head> is optional: the body ends the head
        elif tag in self.SKIP:
            self._skip += 1
        elif tag in self.HEADINGS:
            self.parts.append("\n\n# ")
        elif tag in self.BLOCKS:
            self.parts.append("\n\n")

    def handle_endtag(self, tag):
        if tag == "title":
            self._in_title = False
        elif tag in self.SKIP:
            self._skip = max(0, self._skip - 1)
        elif tag in self.HEADINGS or tag in self.BLOCKS:
            self.parts.append("\n\n")

    def handle_data(self, data):
        if self._in_title:
            self.title += data
        elif not self._skip:
            self.parts.append(data.replace("\n", " "))


def _read_html(html: str) -> tuple[str, str]:
    parser = _HtmlText()
    parser.feed(html)
    parser.close()
    text = "".join(parser.parts)
    return parser.title.strip() or _first_heading(text), text


def _read_pdf(path: Path) -> tuple[str, str]:
    from pypdf import PdfReader  # imported lazily: only PDFs pay for it

    reader = PdfReader(str(path))
    pages = [page.extract_text() or "" for page in reader.pages]
    title = ""
    if reader.metadata and reader.metadata.title:
        title = str(reader.metadata.title)
    # A PDF breaks lines mid-sentence: a single newline is a space, a blank line a paragraph.
    text = "\n\n".join(re.sub(r"(?<!\n)\n(?!\n)", " ", page) for page in pages)
    return title, text
