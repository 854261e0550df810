"""The JSON of a message, rendered once per change and shared by every poll and every push.

A message's payload is the same for every viewer (a client finds "mine" by its own id) and every
change a viewer can see gives the message a new rev; the people it shows (its author, the author it
quotes) change their names and pictures without one, each taking a new profile version instead. So
(id, rev, author's version, quoted author's version) names its JSON exactly, on every process
alike: a rename shows on old messages at their next read, with nothing to clear. A thousand tabs
polling the same news cost one rendering, not a thousand.
"""

import json
import threading
from collections import OrderedDict, defaultdict

from backend.accounts.selectors import profile_version

from .extensions import attachments
from .models import RENDERED_WITH, Message, Reaction
from .serializers import MessageSerializer

CACHE_SIZE = 20_000  # messages; a few MB at most

RenderKey = tuple[int, int, int, int]  # (id, rev, author's profile version, quoted author's profile version)

_cache: OrderedDict[RenderKey, bytes] = OrderedDict()
_lock = threading.Lock()
_rendering = threading.Lock()  # one rendering of news at a time: polls that miss together share it


def _encode(data) -> bytes:
    return json.dumps(data, separators=(",", ":"), ensure_ascii=False).encode()


def _attach_reaction_summaries(messages: list[Message]) -> None:
    """Sets `reaction_summary` ([{emoji, count, user_ids}], first reacted first) on each; one query."""
    by_message: dict[int, dict[str, list[int]]] = defaultdict(dict)
    rows = Reaction.objects.filter(message__in=[m.pk for m in messages]).order_by("id")
    for message_id, user_id, emoji in rows.values_list("message_id", "user_id", "emoji"):
        by_message[message_id].setdefault(emoji, []).append(user_id)
    for message in messages:
        summary = by_message.get(message.pk, {})
        message.reaction_summary = [
            {"emoji": emoji, "count": len(user_ids), "user_ids": user_ids} for emoji, user_ids in summary.items()
        ]


def _attach_attachment_summaries(messages: list[Message]) -> None:
    """Sets `attachment_summary` on each; one query, and none when no message carries a file."""
    carrying = [m.pk for m in messages if m.attachment_count]
    found = attachments().summaries(carrying) if carrying and attachments() else {}
    for message in messages:
        message.attachment_summary = found.get(message.pk, [])


def render_key(message: Message) -> RenderKey:
    """What names the message's JSON; no query when it was read with RENDERED_WITH."""
    quoted = message.reply_to.user if message.reply_to_id and message.reply_to else None
    return (message.pk, message.rev, profile_version(message.user), profile_version(quoted) if quoted else 0)


def messages_json(messages: list[Message]) -> list[bytes]:
    """The JSON of each message (read with RENDERED_WITH), rendered on a cache miss."""
    keys = [render_key(message) for message in messages]
    found: dict[RenderKey, bytes] = {}
    with _lock:
        for key in keys:
            if (cached := _cache.get(key)) is not None:
                _cache.move_to_end(key)
                found[key] = cached
    missing = [(key, m) for key, m in zip(keys, messages, strict=True) if key not in found]
    if missing:
        _attach_reaction_summaries([m for _, m in missing if not hasattr(m, "reaction_summary")])
        _attach_attachment_summaries([m for _, m in missing])
        rendered = {key: _encode(MessageSerializer(m).data) for key, m in missing}
        found.update(rendered)
        with _lock:
            _cache.update(rendered)
            while len(_cache) > CACHE_SIZE:
                _cache.popitem(last=False)
    return [found[key] for key in keys]


def cached_messages_json(keys: list[RenderKey]) -> list[bytes] | None:
    """The JSON of each key, if every one is rendered already; else None (no query here)."""
    found = []
    with _lock:
        for key in keys:
            if (cached := _cache.get(key)) is None:
                return None
            _cache.move_to_end(key)
            found.append(cached)
    return found


def changes_json(keys: list[RenderKey]) -> list[bytes] | None:
    """The JSON of each key, rendered here if this process has not yet (two queries), for the
    poll lane: news posted through another process is rendered once per process, not once per
    tab that asks for it at the same moment. None if a message (or a person it shows) has changed
    again meanwhile (the caller falls back to the full view, which reads the newer rows)."""
    if (found := cached_messages_json(keys)) is not None:
        return found
    with _rendering:
        if (found := cached_messages_json(keys)) is not None:
            return found  # another poll rendered it while this one waited
        wanted = {key[0]: key for key in keys}
        messages = Message.objects.filter(pk__in=wanted).select_related(*RENDERED_WITH)
        by_id = {m.pk: m for m in messages if render_key(m) == wanted[m.pk]}
        if len(by_id) != len(wanted):
            return None
        return messages_json([by_id[key[0]] for key in keys])


def message_json(message: Message) -> bytes:
    return messages_json([message])[0]


def page_json(*, uri: str, messages: list[bytes], rev: int, last_seq: int, has_more: bool) -> bytes:
    """A messages page, its message JSON spliced in as rendered (the shape of MessagePageSerializer)."""
    head = _encode({"uri": uri})[:-1]
    tail = _encode({"rev": rev, "last_seq": last_seq, "has_more": has_more})[1:]
    return head + b',"messages":[' + b",".join(messages) + b"]," + tail


def clear_cache() -> None:
    with _lock:
        _cache.clear()
