"""Readers for .txt .md .rst .adoc .html .pdf: each file becomes a Document (title, canonical text, language)."""

import re
from dataclasses import dataclass
from pathlib import Path

from .formats.asciidoc import read_asciidoc
from .formats.html import read_html
from .formats.markdown import read_markdown
from .formats.rst import read_rst
from .language import detect_language
from .normalize import normalize_text

SUPPORTED_SUFFIXES = (
    ".txt",
    ".md",
    ".markdown",
    ".rst",
    ".adoc",
    ".asciidoc",
    ".asc",
    ".html",
    ".htm",
    ".xhtml",
    ".pdf",
)


class UnreadableDocument(Exception):
    """The file is binary, undecodable, empty or of an unsupported type."""


@dataclass(frozen=True)
class Document:
    title: str
    text: str  # canonical: "## Heading {#anchor}" lines, ``` fences, paragraphs
    language: str = "en"


def read_document(path: str | Path, *, name: str | None = None) -> Document:
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise UnreadableDocument(f"unreadable: {exc.strerror or exc}") from exc
    return read_bytes(data, name=name or path.name)


def read_bytes(data: bytes, *, name: str) -> Document:
    """A document from its bytes and file name (the suffix picks the format): what an upload provides."""
    suffix = Path(name).suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        raise UnreadableDocument(f"unsupported file type {suffix or '(none)'}")
    try:
        if suffix == ".pdf":
            title, text = _read_pdf(data)
        else:
            raw = _decode(data)
            title, text = _read_text(raw, suffix)
    except UnreadableDocument:
        raise
    except Exception as exc:  # a corrupt PDF, a permission error...: reported, never fatal
        raise UnreadableDocument(f"{type(exc).__name__}: {exc}") from exc
    text = normalize_text(text)
    if not text:
        raise UnreadableDocument("no text")
    return Document(title=normalize_text(title or "") or Path(name).name, text=text, language=detect_language(text))


def _read_text(raw: str, suffix: str) -> tuple[str, str]:
    if suffix in (".html", ".htm", ".xhtml"):
        return read_html(raw)
    if suffix == ".rst":
        return read_rst(raw)
    if suffix in (".adoc", ".asciidoc", ".asc"):
        return read_asciidoc(raw)
    if suffix in (".md", ".markdown"):
        return read_markdown(raw)
    return _read_plain(raw)


_ASCIIDOC_SIGNS = re.compile(r"^(?:= \S.*|\[source(?:,.*)?\]|:[\w-]+:.*|={2,5} \S.*)$", re.MULTILINE)
_FIRST_LINE_HEADING = re.compile(r"^\s*#{1,6}\s+\S")


def _read_plain(raw: str) -> tuple[str, str]:
    """A .txt file is Markdown when it opens with a "#" heading, AsciiDoc when it looks like it (many manuals
    are .txt AsciiDoc), and otherwise plain paragraphs: a "#" line in a shell transcript is no heading."""
    if _FIRST_LINE_HEADING.match(raw):
        return read_markdown(raw)
    if len(_ASCIIDOC_SIGNS.findall(raw[:20000])) >= 2:
        return read_asciidoc(raw)
    # Plain paragraphs: a line that starts with "#" or ``` is text here ("\#" shows as "#" in Markdown).
    return "", re.sub(r"^(\s*)(#|```|~~~)", r"\1\\\2", raw, flags=re.MULTILINE)


def _decode(data: bytes) -> str:
    if b"\x00" in data[:8192]:
        raise UnreadableDocument("binary file")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise UnreadableDocument("not UTF-8 text") from None


def _read_pdf(data: bytes) -> tuple[str, str]:
    import io

    from pypdf import PdfReader  # imported lazily: only PDFs pay for it

    reader = PdfReader(io.BytesIO(data))
    pages = [page.extract_text() or "" for page in reader.pages]
    title = ""
    if reader.metadata and reader.metadata.title:
        title = str(reader.metadata.title)
    # A PDF breaks lines mid-sentence: a single newline is a space, a blank line a paragraph.
    text = "\n\n".join(re.sub(r"(?<!\n)\n(?!\n)", " ", page) for page in pages)
    return title, text
