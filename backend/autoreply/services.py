"""Writes of the bot that are not jobs: its user, and the documents of a chat's own knowledge base."""

import hashlib
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ImproperlyConfigured
from django.db import transaction

from backend.files.services import NotADocument, attachment_document
from preproc import UnreadableDocument, read_bytes

from .ingest import bump_version, document_store
from .models import Document
from .selectors import chat_document_named

_bot_user_pk: dict[str, int] = {}


def bot_user():
    """The bot's user (created by a migration, so nobody can sign up with its name first).
    It has no usable password: nobody can log in as the bot."""
    username = settings.MYCHAT_BOT_USERNAME
    User = get_user_model()
    if username in _bot_user_pk:
        user = User.objects.filter(pk=_bot_user_pk[username]).first()
        if user is not None:
            return user
    user, created = User.objects.get_or_create(username=username)
    if created:
        user.set_unusable_password()
        user.save(update_fields=["password"])
    elif user.has_usable_password():
        raise ImproperlyConfigured(
            f"MYCHAT_BOT_USERNAME={username!r} names a person's account (it has a password); "
            "the bot will not post as them. Choose another name."
        )
    _bot_user_pk[username] = user.pk
    return user


class DocumentRejected(ValueError):
    """The file cannot become a document (unsupported type, binary, not UTF-8, empty, too big).
    `reason` says which, for the bot's reply: "type", "empty", "size" or "unreadable"."""

    def __init__(self, message: str, reason: str = "unreadable"):
        super().__init__(message)
        self.reason = reason


def _document_name(name: str) -> str:
    return (name or "").strip().replace("/", "_")[:255]


def _chat_source(session, name: str) -> str:
    return f"chat:{session.uri}/{name}"


_REASONS = {"no text": "empty", "binary file": "type", "not UTF-8 text": "type"}


def document_add_to_chat(*, session, name: str, data: bytes, added_by=None, message_seq: int | None = None) -> Document:
    """Add a file to a chat's own knowledge base (or replace the one of that name); only the chat's members
    get answers from it. The seam for attachments: `/kb add` replying to a file, or a file marked for the bot
    on upload, calls this with the attachment's name and bytes (and the seq of the message that carried it,
    which its answers link to)."""
    name = _document_name(name)
    if not name:
        raise DocumentRejected("a document needs a file name")
    try:
        document = read_bytes(data, name=name)
    except UnreadableDocument as exc:
        reason = "type" if str(exc).startswith("unsupported") else _REASONS.get(str(exc), "unreadable")
        raise DocumentRejected(str(exc), reason) from exc
    return document_store(
        source=_chat_source(session, name),
        content_hash=hashlib.sha256(data).hexdigest(),
        document=document,
        scope=Document.Scope.CHAT,
        session=session,
        name=name,
        added_by=added_by,
        message_seq=message_seq,
    )


@dataclass(frozen=True)
class Added:
    document: Document
    passages: int
    status: str  # "added"; "replaced" (a document of that name had other bytes); "unchanged" (same bytes)


def attachment_add_to_chat(*, session, attachment, message_seq: int, added_by) -> Added:
    """A message's attachment into its chat's knowledge base (`/kb add`). Idempotent by content hash: bytes the
    chat has already, under any name, are not read again. A file of a known name with other bytes replaces it."""
    limit_mb = settings.MYCHAT_BOT_DOCUMENT_MAX_MB
    if attachment.size > limit_mb * 1024 * 1024:
        raise DocumentRejected(f"{attachment.size / 1024 / 1024:.1f} MB; at most {limit_mb} MB", "size")
    try:
        name, data = attachment_document(attachment)
    except NotADocument as exc:
        raise DocumentRejected(str(exc), "type") from exc
    content_hash = hashlib.sha256(data).hexdigest()
    chat_documents = Document.objects.filter(scope=Document.Scope.CHAT, session=session)
    same = chat_documents.filter(content_hash=content_hash).first()
    if same is not None:
        return Added(document=same, passages=same.passages.count(), status="unchanged")
    replaced = chat_documents.filter(source=_chat_source(session, _document_name(name))).exists()
    document = document_add_to_chat(session=session, name=name, data=data, added_by=added_by, message_seq=message_seq)
    return Added(document=document, passages=document.passage_count, status="replaced" if replaced else "added")


class NotAllowed(PermissionError):
    """Only the member who added a chat's document, or the chat's owner, may remove it."""


@transaction.atomic
def document_remove_from_chat(*, session, name: str, by) -> Document | None:
    """Remove a chat's document by its name (the exact name, else the one name it begins); None if none."""
    document = chat_document_named(session=session, name=name)
    if document is None:
        return None
    if by is None or by.pk not in (document.added_by_id, session.owner_id):
        raise NotAllowed(document.name)
    document.delete()
    bump_version()
    return document
