"""Writes to the knowledge bases: files in, documents and passages stored, idempotent by content hash.

`docs/` (the product's manual) is stored in the manual's scope, anything else `manage.py ingest` is given in
the site's; a chat's own documents come in through `services.document_add_to_chat`."""

import hashlib
import os
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.db import transaction
from django.db.models import F
from django.utils import timezone

import preproc
from preproc import ANALYZER_VERSION, SUPPORTED_SUFFIXES, UnreadableDocument, read_bytes, split_passages
from preproc.crosslingual import translation_key

from .models import Document, KnowledgeBase, Passage


@dataclass
class IngestReport:
    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (source, reason)
    passages: int = 0  # passages written


def source_name(path: Path) -> str:
    """The path relative to the working directory when inside it (stable across clones), else absolute.
    Only operators see it (ingest's report, the admin): answers cite titles and sections, never paths."""
    absolute = path.resolve()
    try:
        return absolute.relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return absolute.as_posix()


def manual_root() -> Path:
    return Path(getattr(settings, "MYCHAT_BOT_MANUAL_DIR", settings.BASE_DIR / "docs")).resolve()


def scope_of(path: Path) -> str:
    """The product's manual is docs/; everything else an operator ingests is the site's."""
    return Document.Scope.MANUAL if path.resolve().is_relative_to(manual_root()) else Document.Scope.SITE


def iter_files(root: Path):
    """Supported files under root (or root itself), sorted; hidden files and folders are skipped.
    Unsupported files named explicitly are yielded, so they are reported rather than ignored."""
    if root.is_file():
        yield root
        return
    for folder, dirs, files in os.walk(root):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if not name.startswith(".") and name.lower().endswith(SUPPORTED_SUFFIXES):
                yield Path(folder) / name


def _within(source: str, root: str) -> bool:
    if root == ".":
        return not source.startswith("/")
    return source == root or source.startswith(root.rstrip("/") + "/")


def bump_version() -> None:
    if not KnowledgeBase.objects.filter(pk=1).update(version=F("version") + 1):
        KnowledgeBase.objects.get_or_create(pk=1, defaults={"version": 1})


def passage_language(text: str, document_language: str) -> str:
    """A passage's own language (a manual may mix English and Chinese paragraphs); Han characters in a
    Japanese document are Japanese."""
    language = preproc.detect_language(text)
    return document_language if language == "zh" and document_language == "ja" else language


HEADING_WEIGHT = 2  # the innermost heading's words count this many times: it says what the passage is about


def passage_tokens(*, headings: list[str], text: str, language: str) -> str:
    # Outer headings count once: every passage of a chapter shares them, they say which chapter it is.
    heading = preproc.tokenize(headings[-1], language=language) if headings else []
    outer = preproc.tokenize("\n".join(headings[:-1]), language=language) if len(headings) > 1 else []
    return " ".join(heading * HEADING_WEIGHT + outer + preproc.tokenize(text, language=language))


def document_store(
    *,
    source: str,
    content_hash: str,
    document: preproc.Document,
    scope: str = Document.Scope.SITE,
    session=None,
    name: str = "",
    added_by=None,
    message_seq: int | None = None,
) -> Document:
    """Create or replace one document and its passages.

    Splitting, language detection and tokenizing (CPU: a second for a long document) happen before
    the write transaction, which holds only the writes: on SQLite every other writer, people's posts
    included, waits while it is open (the bot worker calls this for a chat's documents)."""
    passages = []
    for position, piece in enumerate(split_passages(document.text)):
        language = passage_language(piece.text, document.language)
        headings = list(piece.heading_path)
        passages.append(
            Passage(
                position=position,
                heading=piece.heading[:300],
                heading_path="\n".join(headings),
                section=piece.section,
                anchor=piece.anchor[:200],
                language=language,
                text=piece.text,
                tokens=passage_tokens(headings=headings, text=piece.text, language=language),
            )
        )
    translation = translation_key(name or source)[:500]
    with transaction.atomic():
        stored, _ = Document.objects.update_or_create(
            source=source,
            defaults={
                "title": document.title[:300],
                "content_hash": content_hash,
                "ingested_at": timezone.now(),
                "scope": scope,
                "session": session,
                "name": name[:255],
                "added_by": added_by,
                "message_seq": message_seq,
                "language": document.language,
                "translation_key": translation,
                "analyzer": ANALYZER_VERSION,
            },
        )
        stored.passages.all().delete()
        for passage in passages:
            passage.document = stored
        Passage.objects.bulk_create(passages, batch_size=500)
        stored.passage_count = len(passages)
        bump_version()
    return stored


@transaction.atomic
def documents_remove(*, sources: list[str]) -> None:
    if sources:
        Document.objects.filter(source__in=sources).delete()
        bump_version()


def documents_reanalyze() -> int:
    """Tokens made by an older analyzer are made again from the stored passages (a chat's documents have
    no file to read again). Returns the number of documents analysed. Tokenizing happens before each
    document's write transaction, not inside it."""
    stale = list(Document.objects.exclude(analyzer=ANALYZER_VERSION).values_list("pk", flat=True))
    for pk in stale:
        passages = list(Passage.objects.filter(document_id=pk))
        for passage in passages:
            passage.tokens = passage_tokens(
                headings=passage.headings or [passage.heading], text=passage.text, language=passage.language
            )
        with transaction.atomic():
            Passage.objects.bulk_update(passages, ["tokens"], batch_size=500)
            Document.objects.filter(pk=pk).update(analyzer=ANALYZER_VERSION)
    if stale:
        bump_version()
    return len(stale)


def ingest_paths(*, paths: list[str | Path], prune: bool = False) -> IngestReport:
    report = IngestReport()
    seen: set[str] = set()
    roots = [Path(p) for p in paths]
    known = {
        source: (content_hash, scope, analyzer)
        for source, content_hash, scope, analyzer in Document.objects.exclude(scope=Document.Scope.CHAT).values_list(
            "source", "content_hash", "scope", "analyzer"
        )
    }
    for root in roots:
        if not root.exists():
            report.skipped.append((str(root), "no such file or folder"))
            continue
        for path in iter_files(root):
            source = source_name(path)
            seen.add(source)
            try:
                data = path.read_bytes()
            except OSError as exc:
                report.skipped.append((source, f"unreadable: {exc.strerror or exc}"))
                continue
            content_hash = hashlib.sha256(data).hexdigest()
            scope = scope_of(path)
            if known.get(source) == (content_hash, scope, ANALYZER_VERSION):
                report.unchanged.append(source)
                continue
            try:
                document = read_bytes(data, name=path.name)
            except UnreadableDocument as exc:
                report.skipped.append((source, str(exc)))
                continue
            stored = document_store(source=source, content_hash=content_hash, document=document, scope=scope)
            report.passages += stored.passage_count
            (report.updated if source in known else report.added).append(source)
    if prune:
        gone = [s for s in known if s not in seen and any(_within(s, source_name(r)) for r in roots)]
        documents_remove(sources=gone)
        report.removed = gone
    documents_reanalyze()
    return report
