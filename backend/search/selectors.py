"""Reads: the messages of the caller's chats that match a search, newest first, and where in each
text the match is."""

import re

from django.contrib.auth import get_user_model
from django.db import connection
from django.db.models import Exists, OuterRef, Q
from django.db.models.expressions import RawSQL

from backend.chat.models import RENDERED_WITH, ChatSession, Membership, Message

from .lookups import Substring, like_pattern
from .query import SearchQuery

# Trigrams need three characters: a shorter term (a two-character Chinese word, "AI") is found
# with LIKE over the candidate rows instead: the caller's chats' messages (and the other terms' hits).
MIN_INDEXED_LENGTH = 3
FTS_MATCH = "SELECT rowid FROM search_message_fts WHERE search_message_fts MATCH %s"

Message._meta.get_field("text").register_lookup(Substring)


def _fts_string(term: str) -> str:
    """A term as one FTS5 string: quoted, its quotes doubled, so `*`, NEAR, `( )` and `:` are only text."""
    return '"' + term.replace('"', '""') + '"'


def _text_condition(terms: tuple[str, ...]) -> Q:
    """Every term, as a case-insensitive substring of the text, through the index where it can."""
    condition = Q()
    if connection.vendor == "sqlite":
        indexed = [term for term in terms if len(term) >= MIN_INDEXED_LENGTH]
        if indexed:
            match = " AND ".join(_fts_string(term) for term in indexed)
            condition &= Q(pk__in=RawSQL(FTS_MATCH, [match]))
        terms = tuple(term for term in terms if len(term) < MIN_INDEXED_LENGTH)
    for term in terms:
        condition &= Q(text__substring=like_pattern(term))
    return condition


def message_search(
    *,
    user,
    query: SearchQuery,
    session: ChatSession | None = None,
    before: int | None = None,
    limit: int,
    skip_commands: bool = False,
) -> tuple[list[Message], bool]:
    """(messages, has_more): what people wrote in the chats `user` is a member of now (membership is
    a condition of the query, not a filter afterwards), newest first, older than the message id `before`.
    `skip_commands`: leave out "/" messages (the bot's /search would find itself)."""
    # EXISTS, not a join: the database walks the messages newest first and stops at `limit`, instead
    # of gathering every message of the caller's chats and sorting them (bench/search.py).
    messages = Message.objects.filter(
        Exists(Membership.objects.filter(session=OuterRef("session"), user=user)),
        _text_condition(query.terms),
        kind=Message.Kind.TEXT,
        deleted=False,
        is_bot=False,
    )
    if session is not None:
        messages = messages.filter(session=session)
    if query.chat is not None:
        messages = messages.filter(Q(session__uri=query.chat) | Q(session__title__iexact=query.chat))
    if query.author is not None:
        # The author's id first (one indexed lookup), so the message query filters on a column.
        # An exact name first: "Bob" and "bob" may both exist.
        people = list(get_user_model().objects.filter(username__iexact=query.author).values_list("pk", "username"))
        author = next((pk for pk, name in people if name == query.author), None) or next((pk for pk, _ in people), None)
        if author is None:
            return [], False
        messages = messages.filter(user_id=author)
    if query.before is not None:
        messages = messages.filter(created_at__lt=query.before)
    if query.after is not None:
        messages = messages.filter(created_at__gte=query.after)
    if skip_commands:
        messages = messages.exclude(text__startswith="/")
    if before is not None:
        messages = messages.filter(pk__lt=before)
    rows = list(messages.select_related("session", *RENDERED_WITH).order_by("-pk")[: limit + 1])
    return rows[:limit], len(rows) > limit


def _utf16_length(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def highlights(text: str, terms: tuple[str, ...]) -> list[list[int]]:
    """[[start, end], ...]: where the terms are in `text`, merged, in order, counted in UTF-16 code
    units (the way JavaScript indexes a string, so the app slices with them as they are)."""
    spans = sorted(
        (found.start(), found.end())
        for term in terms
        for found in re.finditer(re.escape(term), text, re.IGNORECASE)
        if found.end() > found.start()
    )
    merged: list[list[int]] = []
    for start, end in spans:
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return [[_utf16_length(text[:start]), _utf16_length(text[:end])] for start, end in merged]
