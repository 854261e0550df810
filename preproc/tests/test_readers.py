"""Reading .txt .md .rst .html .pdf files into titled, normalised documents."""

import pytest
from pypdf import PdfWriter
from pypdf.generic import DecodedStreamObject, DictionaryObject, NameObject

from preproc import UnreadableDocument, read_document


def test_markdown_title_is_its_first_heading(tmp_path):
    path = tmp_path / "guide.md"
    path.write_text("Intro line\n\n# The Guide\n\nText  with   spaces.\n", encoding="utf-8")
    doc = read_document(path)
    assert doc.title == "The Guide"
    assert "Text with spaces." in doc.text


def test_plain_text_without_heading_is_titled_by_file_name(tmp_path):
    path = tmp_path / "notes.txt"
    path.write_text("日本語のテキスト。\n", encoding="utf-8")
    assert read_document(path).title == "notes.txt"


def test_rst_section_titles_become_headings(tmp_path):
    path = tmp_path / "manual.rst"
    path.write_text("Manual\n======\n\nIntro.\n\nSetup\n-----\n\nRun it.\n", encoding="utf-8")
    doc = read_document(path)
    assert doc.title == "Manual"
    assert "# Setup\n\nRun it." in doc.text


def test_a_short_rst_punctuation_line_is_text_not_an_underline(tmp_path):
    path = tmp_path / "notes.rst"
    path.write_text("Notes\n=====\n\nA long line of introduction\n...\nand more.\n", encoding="utf-8")
    doc = read_document(path)
    assert doc.title == "Notes"
    assert "A long line of introduction\n...\nand more." in doc.text


def test_html_without_a_closing_head_tag_keeps_its_body(tmp_path):
    path = tmp_path / "page.html"
    path.write_text("<html><head><title>T</title><body><p>Hello world</p></body></html>", encoding="utf-8")
    doc = read_document(path)
    assert (doc.title, doc.text) == ("T", "Hello world")


def test_html_keeps_text_and_headings_and_drops_scripts(tmp_path):
    path = tmp_path / "page.html"
    path.write_text(
        "<html><head><title>초대 안내</title><script>var x=1;</script></head>"
        "<body><h2>Invite</h2><p>Copy the <b>link</b>.</p></body></html>",
        encoding="utf-8",
    )
    doc = read_document(path)
    assert doc.title == "초대 안내"
    assert doc.text == "## Invite\n\nCopy the link."


def _pdf_with_text(path, text: str):
    writer = PdfWriter()
    page = writer.add_blank_page(width=300, height=200)
    font = DictionaryObject(
        {
            NameObject("/Type"): NameObject("/Font"),
            NameObject("/Subtype"): NameObject("/Type1"),
            NameObject("/BaseFont"): NameObject("/Helvetica"),
        }
    )
    page[NameObject("/Resources")] = DictionaryObject(
        {NameObject("/Font"): DictionaryObject({NameObject("/F1"): writer._add_object(font)})}
    )
    stream = DecodedStreamObject()
    stream.set_data(f"BT /F1 12 Tf 20 100 Td ({text}) Tj ET".encode())
    page[NameObject("/Contents")] = writer._add_object(stream)
    writer.add_metadata({"/Title": "A PDF manual"})
    with open(path, "wb") as handle:
        writer.write(handle)


def test_pdf_text_and_title_are_extracted(tmp_path):
    path = tmp_path / "manual.pdf"
    _pdf_with_text(path, "Invite people with the chat link.")
    doc = read_document(path)
    assert doc.title == "A PDF manual"
    assert "Invite people with the chat link." in doc.text


@pytest.mark.parametrize(
    "name, content, reason",
    [
        ("image.png", b"\x89PNG\r\n", "unsupported"),
        ("binary.txt", b"abc\x00\x01\x02", "binary"),
        ("latin1.txt", "caf\xe9".encode("latin-1") + b"\xff\xfe\xfa", "UTF-8"),
        ("empty.md", b"  \n\n ", "no text"),
        ("broken.pdf", b"%PDF-1.4 not really", None),
    ],
)
def test_bad_files_raise_unreadable_document(tmp_path, name, content, reason):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(UnreadableDocument, match=reason):
        read_document(path)
