"""Group names and broadcast helpers: how a committed write becomes a WebSocket push.

A push is a hint (the channel layer is at-most-once); the message cursor is the truth. So a
failed publish is logged and forgotten, never turned into an error for the writer whose row
is already committed.
"""

import asyncio
import json
import logging
from functools import partial

from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer
from django.db import transaction

logger = logging.getLogger(__name__)

# Handler name on the consumers: the layer calls `push(event)` with the ready-made frame.
PUSH_EVENT = "push"
# Handler that closes a socket whose token was ended (a logout, a device signed out, a deactivation).
REVOKE_EVENT = "revoke"
# Handler that closes a chat's sockets: its member's (left, removed) or everyone's (deleted).
CLOSE_CHAT_EVENT = "close_chat"

# WebSocket close codes (docs/realtime.md).
CLOSE_UNAUTHENTICATED = 4401
CLOSE_FORBIDDEN = 4403  # not (or no longer) a member of the chat
CLOSE_NOT_FOUND = 4404  # no such chat (or it was deleted)


def session_group(session_id: int) -> str:
    return f"chat.{session_id}"


def user_group(user_id: int) -> str:
    return f"user.{user_id}"


def control_group(uri: str) -> str:
    """Every socket open on one chat, by its URI: a socket joins it before its membership is
    checked, so a removal or a deletion that commits meanwhile still reaches it."""
    return f"control.{uri}"


def token_group(token_id: int) -> str:
    """Every socket opened with one device's token, of any kind: closed together when it is ended.
    Named by the token's id, never its key (group names travel through Redis)."""
    return f"token.{token_id}"


def frame(kind: str, payload: dict) -> str:
    """The text frame every listener gets; encoded once per event, not once per socket."""
    return json.dumps({"type": kind, kind: payload}, separators=(",", ":"), ensure_ascii=False)


# The event loop that serves this process's sockets (set when one connects). Layers keep
# per-loop state (asyncio queues, Redis connections), so a write from a plain thread, such as
# the bot's worker, hands its publish to this loop instead of spinning up a loop of its own.
_socket_loop: asyncio.AbstractEventLoop | None = None
PUBLISH_TIMEOUT_SECONDS = 5


def remember_socket_loop() -> None:
    global _socket_loop
    _socket_loop = asyncio.get_running_loop()


def publish(group: str, text: str, *, event_type: str = PUSH_EVENT) -> None:
    """Send one frame (or another event) to every socket in `group`, on any process sharing the layer."""
    send_event(group, {"type": event_type, "text": text})


def send_event(group: str, event: dict) -> None:
    """Hand one channel-layer event to every consumer in `group`; a failure is logged, not raised."""
    _send_all([(group, event)])


def publish_each(frames: list[tuple[str, str]]) -> None:
    """Send each (group, frame): one hop to the socket loop for them all, not one per group."""
    _send_all([(group, {"type": PUSH_EVENT, "text": text}) for group, text in frames])


async def _group_send_all(layer, events: list[tuple[str, dict]]) -> None:
    for group, event in events:
        try:
            await layer.group_send(group, event)
        except Exception:
            logger.warning("push to %s failed", group, exc_info=True)


def _send_all(events: list[tuple[str, dict]]) -> None:
    layer = get_channel_layer()
    if layer is None or not events:
        return
    try:
        loop = _socket_loop
        if loop is not None and loop.is_running() and not _runs_in(loop):
            future = asyncio.run_coroutine_threadsafe(_group_send_all(layer, events), loop)
            future.result(PUBLISH_TIMEOUT_SECONDS)
        else:
            async_to_sync(_group_send_all)(layer, events)
    except Exception:
        logger.warning("push to %s failed", events[0][0], exc_info=True)


def _runs_in(loop: asyncio.AbstractEventLoop) -> bool:
    try:
        return asyncio.get_running_loop() is loop
    except RuntimeError:
        return False


def broadcast_message_on_commit(message) -> None:
    """After the writing transaction commits, push the message (new or changed) exactly as the REST API shows it."""
    transaction.on_commit(partial(_publish_message, message))


def _publish_message(message) -> None:
    from .rendering import message_json  # rendering imports models: keep this module light

    publish(session_group(message.session_id), message_frame(message_json(message)))


def message_frame(message: bytes) -> str:
    """{"type": "message", "message": …} around a message's JSON as rendered once."""
    return '{"type":"message","message":' + message.decode() + "}"


def notify_on_commit(notifications) -> None:
    """After commit, push each stored notification to every open socket of its recipient."""
    if notifications:
        transaction.on_commit(partial(_publish_notifications, list(notifications)))


def _publish_notifications(notifications) -> None:
    from .serializers import NotificationSerializer

    for notification in notifications:
        publish(user_group(notification.recipient_id), frame("notification", NotificationSerializer(notification).data))


def chat_removed_on_commit(*, uri: str, user_ids) -> None:
    """After commit, tell these users' chat lists that the chat is gone for them (left, removed, deleted)."""
    text = frame("chat_removed", {"uri": uri})
    transaction.on_commit(partial(publish_each, [(user_group(user_id), text) for user_id in user_ids]))


def close_sockets_of_revoked_token(sender, instance, **kwargs) -> None:
    """A device's token deleted (logout, signed out from another device, a password change, a
    deactivation): the sockets opened with it close with 4401 too, on every process."""
    transaction.on_commit(partial(publish, token_group(instance.pk), "", event_type=REVOKE_EVENT))


def close_chat_sockets_on_commit(*, uri: str, code: int, user_id: int | None = None) -> None:
    """After commit, close the chat's sockets on every process: `user_id`'s only (with 4403: they
    left or were removed), or everyone's (with 4404: the chat was deleted)."""
    event = {"type": CLOSE_CHAT_EVENT, "code": code, "user_id": user_id}
    transaction.on_commit(partial(send_event, control_group(uri), event))
