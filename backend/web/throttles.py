"""Rate limits on posting, changing messages and chats, creating and joining chats, logging in and
signing up (off with MYCHAT_RATE_LIMITS=0)."""

import math
from types import SimpleNamespace

from django.conf import settings
from rest_framework.throttling import SimpleRateThrottle, UserRateThrottle


class _Switchable:
    methods = ("POST",)

    def allow_request(self, request, view):
        if not settings.RATE_LIMITS_ON or request.method not in self.methods:
            return True
        return super().allow_request(request, view)


class PostMessageThrottle(_Switchable, UserRateThrottle):
    scope = "post_message"


class ChangeMessageThrottle(_Switchable, UserRateThrottle):
    """Edits, deletes and reactions: generous, but a script cannot churn a chat's history."""

    scope = "change_message"
    methods = ("PATCH", "PUT", "DELETE")


class ChangeChatThrottle(ChangeMessageThrottle):
    """A chat's admin actions (rename, remove a member, reset the invite, delete) and leaving: the
    same counter as changing messages."""

    methods = ("POST", "PATCH", "PUT", "DELETE")


class ReadMarkThrottle(_Switchable, UserRateThrottle):
    """Read marks: a counter of their own, so that reading busy chats never uses up the budget
    for edits and reactions (the app sends at most two a second per open chat)."""

    scope = "read_mark"


class CreateChatThrottle(_Switchable, UserRateThrottle):
    """Starting chats (group or direct): plenty for a person, not for a script filling the database."""

    scope = "create_chat"


class JoinChatThrottle(_Switchable, UserRateThrottle):
    """Joining with an invite code: plenty for a person, and no way to try codes by the thousand."""

    scope = "join_chat"


class SearchThrottle(_Switchable, UserRateThrottle):
    """Searching: plenty for a person typing, not for a script reading every chat through it."""

    scope = "search"
    methods = ("GET",)


class UploadThrottle(_Switchable, UserRateThrottle):
    """Uploading files: a person sharing a folder of screenshots, not a script filling the disk."""

    scope = "upload"


def post_wait_seconds(user) -> int:
    """For posts that do not come through a DRF view (the WebSocket): the same limit, the same
    counter. 0 when the user may post now, else the seconds to wait."""
    throttle = PostMessageThrottle()
    if throttle.allow_request(SimpleNamespace(user=user, method="POST"), None):
        return 0
    return math.ceil(throttle.wait() or 1)


class _PerAddress(_Switchable, SimpleRateThrottle):
    """Per client address, whoever the caller claims to be: unlike DRF's AnonRateThrottle, a
    token of one's own does not lift the limit on guessing someone else's password. The address
    is REMOTE_ADDR (REST_FRAMEWORK["NUM_PROXIES"] = 0): a client-sent X-Forwarded-For counts only
    where uvicorn's --proxy-headers trusts the proxy that set it."""

    def get_cache_key(self, request, view):
        return self.cache_format % {"scope": self.scope, "ident": self.get_ident(request)}


class LoginThrottle(_PerAddress):
    scope = "login"


class SignupThrottle(_PerAddress):
    scope = "signup"
