"""`manage.py ingest`: idempotent by content hash, replaces changed files, prunes, skips bad files."""

from io import StringIO

import pytest
from django.core.management import call_command

from backend.autoreply import ranking
from backend.autoreply.ingest import ingest_paths
from backend.autoreply.models import Document, Passage
from backend.autoreply.ranking import knowledge_base_version

pytestmark = pytest.mark.django_db


@pytest.fixture
def folder(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # sources are stored relative to the working directory
    docs = tmp_path / "kb"
    (docs / "sub").mkdir(parents=True)
    (docs / "a.md").write_text("# Alpha\n\nThe alpha document talks about lighthouses.\n")
    (docs / "sub" / "b.txt").write_text("Bravo is about submarines and sonar.\n")
    return docs


def ingest(*args) -> tuple[str, str]:
    out, err = StringIO(), StringIO()
    call_command("ingest", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_ingest_stores_documents_recursively_and_reports(folder):
    out, err = ingest("kb")
    assert "added: kb/a.md" in out and "added: kb/sub/b.txt" in out
    assert "2 added, 0 updated, 0 unchanged, 0 removed, 0 skipped; 2 passages" in out
    assert err == ""
    assert Document.objects.get(source="kb/a.md").title == "Alpha"


def test_ingesting_again_changes_nothing(folder):
    ingest("kb")
    version, passage_ids = knowledge_base_version(), set(Passage.objects.values_list("pk", flat=True))
    out, _ = ingest("kb")
    assert "0 added, 0 updated, 2 unchanged" in out
    assert knowledge_base_version() == version
    assert set(Passage.objects.values_list("pk", flat=True)) == passage_ids


def test_a_changed_file_replaces_its_passages(folder):
    ingest("kb")
    (folder / "a.md").write_text("# Alpha\n\nNow it is about windmills.\n")
    out, _ = ingest("kb")
    assert "updated: kb/a.md" in out
    texts = list(Passage.objects.filter(document__source="kb/a.md").values_list("text", flat=True))
    assert texts == ["Now it is about windmills."]


def test_prune_drops_documents_whose_files_are_gone(folder):
    ingest("kb")
    (folder / "sub" / "b.txt").unlink()
    out, _ = ingest("kb")
    assert Document.objects.filter(source="kb/sub/b.txt").exists()  # kept without --prune
    out, _ = ingest("kb", "--prune")
    assert "removed: kb/sub/b.txt" in out
    assert not Document.objects.filter(source="kb/sub/b.txt").exists()
    assert Document.objects.filter(source="kb/a.md").exists()


def test_prune_leaves_documents_outside_the_given_paths(folder, tmp_path):
    other = tmp_path / "other.md"
    other.write_text("# Other\n\nElsewhere.\n")
    ingest("other.md")
    ingest("kb", "--prune")
    assert Document.objects.filter(source="other.md").exists()


def test_bad_files_are_reported_and_skipped_without_stopping_the_rest(folder):
    (folder / "z_binary.txt").write_bytes(b"\x00\x01\x02 not text")
    (folder / "broken.pdf").write_bytes(b"%PDF-1.4 garbage")
    (folder / "latin1.md").write_bytes("caf\xe9".encode("latin-1"))
    (folder / "picture.png").write_bytes(b"\x89PNG")  # not a supported type: not even looked at
    out, err = ingest("kb", "missing-folder")
    assert "2 added, 0 updated, 0 unchanged, 0 removed, 4 skipped" in out
    assert "skipped: kb/z_binary.txt (binary file)" in err
    assert "skipped: kb/latin1.md (not UTF-8 text)" in err
    assert "skipped: kb/broken.pdf" in err
    assert "skipped: missing-folder (no such file or folder)" in err


def test_an_unsupported_file_named_explicitly_is_reported(folder):
    (folder / "picture.png").write_bytes(b"\x89PNG")
    _, err = ingest("kb/picture.png")
    assert "skipped: kb/picture.png (unsupported file type .png)" in err


def test_newly_ingested_documents_are_searched_without_a_restart(folder, tmp_path):
    ingest_paths(paths=[folder])
    assert ranking.search("zeppelin", k=1) == []  # the index is built and cached now
    (tmp_path / "new.md").write_text("# Airships\n\nA zeppelin is a rigid airship.\n")
    ingest_paths(paths=[tmp_path / "new.md"])
    [hit] = ranking.search("zeppelin", k=1)
    assert hit.passage.document.source == "new.md"


def test_the_docs_folder_answers_how_to_invite_someone(settings):
    from backend.autoreply.registry import answer

    report = ingest_paths(paths=[settings.BASE_DIR / "docs"])
    assert not report.skipped
    reply = answer("/ask how do I invite someone?").text
    assert "invite link" in reply and "/join/<code>" in reply
    assert "— The bot › Inviting someone to a chat · the mychat manual" in reply
    assert "docs/" not in reply  # a source is a title and a section, never a path on the server
    assert Document.objects.get(source="docs/bot.md").scope == Document.Scope.MANUAL
