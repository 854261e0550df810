"""The JSON of a message, rendered once per change and shared by every poll and every push.

A message's payload is the same for every viewer (a client finds "mine" by its own id) and every
change a viewer can see gives the message a new rev, so (id, rev) names its JSON exactly. A
thousand tabs polling the same news cost one rendering, not a thousand.
"""

import json
import threading
from collections import OrderedDict, defaultdict

from .extensions import attachments
from .models import Message, Reaction
from .serializers import MessageSerializer

CACHE_SIZE = 20_000  # messages; a few MB at most

_cache: OrderedDict[tuple[int, int], bytes] = OrderedDict()
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


def messages_json(messages: list[Message]) -> list[bytes]:
    """The JSON of each message (with `user` and `reply_to__user` loaded), rendered on a cache miss."""
    found: dict[tuple[int, int], bytes] = {}
    with _lock:
        for message in messages:
            key = (message.pk, message.rev)
            if (cached := _cache.get(key)) is not None:
                _cache.move_to_end(key)
                found[key] = cached
    missing = [m for m in messages if (m.pk, m.rev) not in found]
    if missing:
        _attach_reaction_summaries([m for m in missing if not hasattr(m, "reaction_summary")])
        _attach_attachment_summaries(missing)
        rendered = {(m.pk, m.rev): _encode(MessageSerializer(m).data) for m in missing}
        found.update(rendered)
        with _lock:
            _cache.update(rendered)
            while len(_cache) > CACHE_SIZE:
                _cache.popitem(last=False)
    return [found[(m.pk, m.rev)] for m in messages]


def cached_messages_json(keys: list[tuple[int, int]]) -> list[bytes] | None:
    """The JSON of each (id, rev), if every one is rendered already; else None (no query here)."""
    found = []
    with _lock:
        for key in keys:
            if (cached := _cache.get(key)) is None:
                return None
            _cache.move_to_end(key)
            found.append(cached)
    return found


def changes_json(keys: list[tuple[int, int]]) -> list[bytes] | None:
    """The JSON of each (id, rev), rendered here if this process has not yet (two queries), for
    the poll lane: news posted through another process is rendered once per process, not once
    per tab that asks for it at the same moment. None if a message has changed again meanwhile
    (the caller falls back to the full view, which reads the newer rows)."""
    if (found := cached_messages_json(keys)) is not None:
        return found
    with _rendering:
        if (found := cached_messages_json(keys)) is not None:
            return found  # another poll rendered it while this one waited
        wanted = dict(keys)
        messages = Message.objects.filter(pk__in=wanted).select_related("user", "reply_to__user")
        by_id = {m.pk: m for m in messages if m.rev == wanted[m.pk]}
        if len(by_id) != len(wanted):
            return None
        return messages_json([by_id[pk] for pk, _ in keys])


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
