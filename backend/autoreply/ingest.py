"""Writes to the knowledge base: files in, documents and passages stored, idempotent by content hash."""

import hashlib
import os
from dataclasses import dataclass, field
from pathlib import Path

from django.db import transaction
from django.db.models import F
from django.utils import timezone

from preproc import SUPPORTED_SUFFIXES, UnreadableDocument, read_document, split_passages, tokenize

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
    """The path relative to the working directory when inside it (stable across clones), else absolute."""
    absolute = path.resolve()
    try:
        return absolute.relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return absolute.as_posix()


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


def _bump_version() -> None:
    if not KnowledgeBase.objects.filter(pk=1).update(version=F("version") + 1):
        KnowledgeBase.objects.get_or_create(pk=1, defaults={"version": 1})


def document_store(*, source: str, title: str, content_hash: str, text: str) -> int:
    """Create or replace one document and its passages; returns the number of passages.

    Splitting and tokenizing (CPU, a second for a long document) happen before the write
    transaction: on SQLite a running server's writers wait while it is open."""
    passages = [
        Passage(
            position=position,
            heading=piece.heading[:300],
            text=piece.text,
            tokens=" ".join(tokenize(f"{piece.heading}\n{piece.text}")),
        )
        for position, piece in enumerate(split_passages(text))
    ]
    with transaction.atomic():
        document, _ = Document.objects.update_or_create(
            source=source, defaults={"title": title[:300], "content_hash": content_hash, "ingested_at": timezone.now()}
        )
        document.passages.all().delete()
        for passage in passages:
            passage.document = document
        Passage.objects.bulk_create(passages, batch_size=500)
        _bump_version()
    return len(passages)


@transaction.atomic
def documents_remove(*, sources: list[str]) -> None:
    if sources:
        Document.objects.filter(source__in=sources).delete()
        _bump_version()


def ingest_paths(*, paths: list[str | Path], prune: bool = False) -> IngestReport:
    report = IngestReport()
    seen: set[str] = set()
    roots = [Path(p) for p in paths]
    known = dict(Document.objects.values_list("source", "content_hash"))
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
            if known.get(source) == content_hash:
                report.unchanged.append(source)
                continue
            try:
                document = read_document(path)
            except UnreadableDocument as exc:
                report.skipped.append((source, str(exc)))
                continue
            report.passages += document_store(
                source=source, title=document.title, content_hash=content_hash, text=document.text
            )
            (report.updated if source in known else report.added).append(source)
    if prune:
        gone = [s for s in known if s not in seen and any(_within(s, source_name(r)) for r in roots)]
        documents_remove(sources=gone)
        report.removed = gone
    return report
