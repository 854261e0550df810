"""WebSocket consumers: a chat session's message push (and posting) and a user's notification push.

Async consumers: a push is a pre-encoded frame written straight to the socket, with no thread
hop, so one process fans a message out to hundreds of sockets without queueing behind the one
thread that sync consumers share. Database work (the membership check, posting) goes through
`database_sync_to_async`.
"""

import contextlib
import re
import time
from urllib.parse import parse_qs

from channels.db import database_sync_to_async
from channels.generic.websocket import AsyncJsonWebsocketConsumer
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import DatabaseError
from django.http import Http404
from django.utils import translation
from django.utils.translation import gettext as _
from rest_framework.exceptions import Throttled

from backend.accounts.models import DeviceToken
from backend.accounts.selectors import user_json
from backend.web import json_input
from backend.web.errors import BUSY_DETAIL, RETRY_AFTER_SECONDS, database_busy
from backend.web.languages import language_from_header, supported_language
from backend.web.throttles import post_wait_seconds

from . import realtime, selectors, services
from .rendering import message_json

CLOSE_UNAUTHENTICATED = realtime.CLOSE_UNAUTHENTICATED
CLOSE_FORBIDDEN = realtime.CLOSE_FORBIDDEN
CLOSE_NOT_FOUND = realtime.CLOSE_NOT_FOUND
CLOSE_SERVICE_RESTART = 1012  # reconnect and catch up (RFC 6455's "service restart")
URI = re.compile(r"[A-Za-z0-9_-]{1,32}")
TYPING_INTERVAL_SECONDS = 3  # the app shows "typing" for a few seconds after each frame
MAX_FRAME_CHARS = 16 * 1024  # far above MAX_MESSAGE_LENGTH and a JSON envelope; no client frame needs more


class TokenEnded(Exception):
    """The token this socket was opened with no longer exists."""


class PushConsumer(AsyncJsonWebsocketConsumer):
    """Authenticates, joins one group, writes the group's frames to the socket, answers pings.

    Subclasses say which group (or which close code) a user gets, and which `type`s they accept.
    """

    group: str | None = None
    frame_types: tuple[str, ...] = ("ping",)  # what a client may send

    async def group_for(self, user) -> str | int:
        """The group to join, or a close code."""
        raise NotImplementedError

    def language(self) -> str:
        """The language of this socket's error frames: the app's `?lang=`, else the handshake's Accept-Language."""
        if not hasattr(self, "_language"):
            asked = parse_qs(self.scope.get("query_string", b"").decode("latin-1")).get("lang", [""])[0]
            headers = dict(self.scope.get("headers", []))
            self._language = supported_language(asked) if asked else None
            self._language = self._language or language_from_header(
                headers.get(b"accept-language", b"").decode("latin-1")
            )
        return self._language

    async def websocket_receive(self, message):
        with translation.override(self.language()):
            await super().websocket_receive(message)

    async def connect(self):
        realtime.remember_socket_loop()
        user = self.scope.get("user")
        if user is None or not user.is_authenticated:
            return await self.refuse(CLOSE_UNAUTHENTICATED)
        group = await self.group_for(user)
        if isinstance(group, int):
            return await self.refuse(group)
        # Join before accepting: whatever commits after the client sees "open" is pushed, and
        # what committed before, the client's catch-up read (`after=`) returns.
        await self.channel_layer.group_add(group, self.channel_name)
        self.group = group
        token = self.scope.get("auth")
        self.token_sockets = realtime.token_group(token.pk) if token is not None else None
        if self.token_sockets:
            # Listen for the token's end, then check it still stands: an end that committed after
            # the handshake's authentication but before this join is caught here, not missed.
            await self.channel_layer.group_add(self.token_sockets, self.channel_name)
            if not await DeviceToken.objects.filter(pk=token.pk).aexists():
                await self.disconnect(CLOSE_UNAUTHENTICATED)
                self.group = None
                return await self.refuse(CLOSE_UNAUTHENTICATED)
        await self.accept()

    async def refuse(self, code: int):
        # A handshake refused before accept reaches the client as a bare HTTP 403; accepting
        # first lets it read the reason from the close code.
        await self.accept()
        await self.close(code=code)

    async def disconnect(self, code):
        if self.group:
            await self.channel_layer.group_discard(self.group, self.channel_name)
            if self.token_sockets:
                await self.channel_layer.group_discard(self.token_sockets, self.channel_name)

    async def revoke(self, event):
        """The token this socket was opened with was ended (see realtime.close_sockets_of_revoked_token)."""
        await self.close(code=CLOSE_UNAUTHENTICATED)

    async def layer_reconnected(self, event):
        """Redis came back after an outage (backend/web/channel_layer.py): pushes from other
        processes were lost meanwhile, so the client reconnects and catches up with its cursor."""
        await self.close(code=CLOSE_SERVICE_RESTART)

    async def push(self, event):
        """A frame from the channel layer (see realtime.publish)."""
        # The client may vanish mid-send; its disconnect event follows.
        with contextlib.suppress(Exception):
            await self.send(text_data=event["text"])

    async def receive(self, text_data=None, bytes_data=None, **kwargs):
        if text_data is None:
            return await self.send_error(_("Send JSON text frames, not binary ones."))
        if len(text_data) > MAX_FRAME_CHARS:
            return await self.send_error(
                _("Frame too large (at most %(limit)d characters).") % {"limit": MAX_FRAME_CHARS}
            )
        try:
            content = json_input.loads(text_data)
        except json_input.HostileJSON as exc:  # too deep, a NUL, a lone surrogate: refused, socket open
            return await self.send_error(str(exc))
        except ValueError:
            return await self.send_error(_("Malformed JSON."))
        if not isinstance(content, dict):
            return await self.send_error(_("Expected a JSON object."))
        await self.receive_json(content)

    async def receive_json(self, content, **kwargs):
        if content.get("type") == "ping":
            return await self.send_json({"type": "pong"})
        await self.send_error(
            _('Unknown "type".'), type=[_("Expected one of: %(types)s.") % {"types": ", ".join(self.frame_types)}]
        )

    async def send_error(self, detail: str, **errors):
        await self.send_json({"type": "error", "detail": detail, "errors": errors})


class ChatConsumer(PushConsumer):
    """`/ws/chats/<uri>/`: every change of the session's messages, and who is typing; members may also post here."""

    frame_types = ("ping", "message", "typing")
    last_typing = float("-inf")
    control: str | None = None
    person: dict | None = None  # how "typing" names this socket's user

    async def group_for(self, user):
        uri = self.scope["url_route"]["kwargs"]["uri"]
        if not URI.fullmatch(uri):
            return CLOSE_NOT_FOUND
        # Listen for "close" before checking membership: a removal (or the chat's deletion) that
        # commits after the check is then heard, and one that committed before fails the check.
        self.control = realtime.control_group(uri)
        await self.channel_layer.group_add(self.control, self.channel_name)
        try:
            self.session = await database_sync_to_async(selectors.session_get_for_member)(uri=uri, user=user)
        except (Http404, PermissionDenied) as refused:
            await self.channel_layer.group_discard(self.control, self.channel_name)
            self.control = None
            return CLOSE_NOT_FOUND if isinstance(refused, Http404) else CLOSE_FORBIDDEN
        return realtime.session_group(self.session.pk)

    async def disconnect(self, code):
        if self.control:
            await self.channel_layer.group_discard(self.control, self.channel_name)
        await super().disconnect(code)

    async def close_chat(self, event):
        """The user left or was removed (4403), or the chat was deleted (4404): see realtime.py."""
        if event["user_id"] in (None, self.scope["user"].pk):
            await self.close(code=event["code"])

    async def receive_json(self, content, **kwargs):
        if content.get("type") == "typing":
            return await self.typing()
        if content.get("type") != "message":
            return await super().receive_json(content)
        key = content.get("idempotency_key")
        try:
            replayed = await self.post(
                text=content.get("message"), reply_to=content.get("reply_to"), idempotency_key=key
            )
        except ValidationError as exc:
            errors = exc.message_dict if hasattr(exc, "error_dict") else {"detail": exc.messages}
            return await self.send_json(
                {"type": "error", "detail": _("Invalid message."), "errors": errors} | _echo(key)
            )
        except TokenEnded:  # signed out a moment ago (or its close push was lost, e.g. Redis was down)
            return await self.close(code=CLOSE_UNAUTHENTICATED)
        except PermissionDenied:  # removed, left or deactivated a moment ago (the close may still be on its way)
            return await self.close(code=realtime.CLOSE_FORBIDDEN)
        except Http404:  # the chat was deleted a moment ago
            return await self.close(code=realtime.CLOSE_NOT_FOUND)
        except Throttled as exc:
            error = {"type": "error", "detail": exc.detail, "errors": {}, "retry_after": exc.wait}
            return await self.send_json(error | _echo(key))
        except DatabaseError as exc:
            error = {"type": "error", "detail": _("Not saved; try again."), "errors": {}}
            if database_busy(exc):  # a burst of writers: the client retries after a pause, as for a 503
                error |= {"detail": str(BUSY_DETAIL), "retry_after": RETRY_AFTER_SECONDS}
            return await self.send_json(error | _echo(key))
        if replayed is not None:  # a retried key: nothing new is pushed, so answer this socket
            await self.send(text_data=realtime.message_frame(replayed))

    @database_sync_to_async
    def post(self, *, text, reply_to, idempotency_key) -> bytes | None:
        """Through the one write path (same rules and rate limit as REST); the push follows on commit.
        The socket's token must still stand, as a REST post's must: its end's close push can be lost."""
        token = self.scope.get("auth")
        if token is not None and not DeviceToken.objects.filter(pk=token.pk).exists():
            raise TokenEnded
        if wait := post_wait_seconds(self.scope["user"]):
            raise Throttled(wait)
        message, created = services.message_create(
            session=self.session, user=self.scope["user"], text=text, reply_to=reply_to, idempotency_key=idempotency_key
        )
        return None if created else message_json(message)

    async def typing(self):
        """ "Ana is typing…" for the others: at most one frame per TYPING_INTERVAL per socket, never stored."""
        now = time.monotonic()
        if now - self.last_typing < TYPING_INTERVAL_SECONDS:
            return
        self.last_typing = now
        if self.person is None:  # read once per socket (with the profile, which posting then reuses)
            self.person = await database_sync_to_async(user_json)(self.scope["user"])
        frame = realtime.frame("typing", self.person)
        await self.channel_layer.group_send(self.group, {"type": realtime.PUSH_EVENT, "text": frame})


class NotificationConsumer(PushConsumer):
    """`/ws/notifications/`: the user's notifications, on every socket they have open."""

    async def group_for(self, user):
        return realtime.user_group(user.pk)


def _echo(idempotency_key) -> dict:
    return {"idempotency_key": idempotency_key} if isinstance(idempotency_key, str) else {}
