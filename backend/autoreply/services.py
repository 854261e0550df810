"""Writes of the bot that are not jobs: its user, and the documents of a chat's own knowledge base."""

import hashlib

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ImproperlyConfigured
from django.db import transaction

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
    """The file cannot become a document (unsupported type, binary, not UTF-8, empty)."""


def document_add_to_chat(*, session, name: str, data: bytes, added_by=None) -> Document:
    """Add a file to a chat's own knowledge base (or replace the one of that name); only the chat's members
    get answers from it. The seam for attachments: `/kb add` replying to a file, or a file marked for the bot
    on upload, calls this with the attachment's name and bytes."""
    name = (name or "").strip().replace("/", "_")[:255]
    if not name:
        raise DocumentRejected("a document needs a file name")
    try:
        document = read_bytes(data, name=name)
    except UnreadableDocument as exc:
        raise DocumentRejected(str(exc)) from exc
    return document_store(
        source=f"chat:{session.uri}/{name}",
        content_hash=hashlib.sha256(data).hexdigest(),
        document=document,
        scope=Document.Scope.CHAT,
        session=session,
        name=name,
        added_by=added_by,
    )


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
