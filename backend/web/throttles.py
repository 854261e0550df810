"""Rate limits on posting, changing messages and chats, creating and joining chats, logging in and
signing up (off with MYCHAT_RATE_LIMITS=0)."""

import functools
import math
from types import SimpleNamespace

from django.conf import settings
from django.http import HttpResponse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
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
    is REMOTE_ADDR (REST_FRAMEWORK["NUM_PROXIES"] = 0): X-Forwarded-For counts only where the
    operator named the proxy that set it (MYCHAT_TRUSTED_PROXIES, given to uvicorn by `make
    serve`); from anyone else it is ignored, so a client cannot make up an address per attempt."""

    def get_cache_key(self, request, view):
        return self.cache_format % {"scope": self.scope, "ident": self.get_ident(request)}


class LoginThrottle(_PerAddress):
    scope = "login"


class SignupThrottle(_PerAddress):
    scope = "signup"


def rate_limited(view, throttle_class):
    """A plain Django view (the admin's sign-in) behind one of these throttles, sharing its
    counter: over the limit, a 429 in words with Retry-After, and the view is not called."""

    @functools.wraps(view)
    def limited(request, *args, **kwargs):
        throttle = throttle_class()
        if throttle.allow_request(request, None):
            return view(request, *args, **kwargs)
        seconds = math.ceil(throttle.wait() or 1)
        minutes = math.ceil(seconds / 60)
        wait = (
            ngettext("%(count)d second", "%(count)d seconds", seconds) % {"count": seconds}
            if seconds < 120
            else ngettext("%(count)d minute", "%(count)d minutes", minutes) % {"count": minutes}
        )
        text = _("Too many attempts to sign in from your address. Try again in %(wait)s.") % {"wait": wait}
        return HttpResponse(
            text, status=429, content_type="text/plain; charset=utf-8", headers={"Retry-After": seconds}
        )

    return limited
