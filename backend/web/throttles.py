"""Rate limits on posting, changing messages and chats, creating and joining chats, logging in and
signing up (off with MYCHAT_RATE_LIMITS=0)."""

import functools
import hashlib
import math
import re
from types import SimpleNamespace

from django.conf import settings
from django.http import HttpResponse
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _
from rest_framework.throttling import SimpleRateThrottle, UserRateThrottle

_UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400}
_RATE = re.compile(r"^\s*(\d+)\s*/\s*(\d*)\s*([smhd])[a-z]*\s*$")


def refusal_of(request) -> str | None:
    """The words of the throttle that refused this request, for its 429 (web/errors.py)."""
    return getattr(request, "throttle_refusal", None)


# Mixed into a view: its throttles are asked in order and the first refusal ends the asking, so
# that a request one limit refused does not count against the next (DRF asks them all). A script
# over its own address's limit then cannot use up the limit of everyone. (A comment, not a
# docstring: the OpenAPI schema would take it for the description of the view's operations.)
class InTurn:
    def check_throttles(self, request):
        for throttle in self.get_throttles():
            if not throttle.allow_request(request, self):
                self.throttled(request, throttle.wait())


class _Switchable:
    methods = ("POST",)
    refusal = _("Too many requests.")  # what the 429 says before "Try again in ..."

    def allow_request(self, request, view):
        if not settings.RATE_LIMITS_ON or request.method not in self.methods:
            return True
        if super().allow_request(request, view):
            return True
        request.throttle_refusal = self.refusal
        return False

    def parse_rate(self, rate):
        """DRF's N/s, N/min, N/hour, N/day, and also N/<k>min (e.g. 100/10min)."""
        if rate is None:
            return (None, None)
        match = _RATE.match(rate)
        if not match:
            raise ValueError(f"a rate is N/s, N/min, N/hour, N/day or N/<k>min, not {rate!r}")
        count, multiple, unit = match.groups()
        return int(count), int(multiple or 1) * _UNITS[unit]


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
    refusal = _("Too many sign-in attempts from this network.")


class SignupThrottle(_PerAddress):
    """A class behind one school address signs up at once: the hourly limit is sized for that."""

    scope = "signup"
    refusal = _("Too many sign-ups from this network.")


class SignupDailyThrottle(SignupThrottle):
    """Several classes a day from one address, but not a script running all day."""

    scope = "signup_daily"


class SignupGlobalThrottle(_Switchable, SimpleRateThrottle):
    """All addresses together: a script spread over many addresses still gets only so many accounts."""

    scope = "signup_global"
    refusal = _("Too many sign-ups right now.")

    def get_cache_key(self, request, view):
        return self.cache_format % {"scope": self.scope, "ident": "everyone"}


class PasswordResetThrottle(_PerAddress):
    scope = "password_reset"
    refusal = _("Too many password reset requests from this network.")


class PasswordResetEmailThrottle(_Switchable, SimpleRateThrottle):
    """Per e-mail address asked about (whoever asks): nobody's inbox is flooded with reset mails.
    An address of no account is counted the same, so the limit tells nothing about which exist."""

    scope = "password_reset_email"
    refusal = _("Too many password reset requests for this address.")

    def get_cache_key(self, request, view):
        email = request.data.get("email") if isinstance(request.data, dict) else None
        if not isinstance(email, str) or not email.strip():
            return None  # refused as invalid by the view
        digest = hashlib.sha256(email.strip().casefold().encode("utf-8", "surrogatepass")).hexdigest()
        return self.cache_format % {"scope": self.scope, "ident": digest}


def retry_in_words(seconds: int) -> str:
    """'2 minutes', not '2858 seconds': seconds under a minute, minutes under an hour and a half,
    hours beyond (always rounded up, so that trying again then works)."""
    if seconds < 60:
        return ngettext("%(count)d second", "%(count)d seconds", seconds) % {"count": seconds}
    if seconds < 90 * 60:
        minutes = math.ceil(seconds / 60)
        return ngettext("%(count)d minute", "%(count)d minutes", minutes) % {"count": minutes}
    hours = math.ceil(seconds / 3600)
    return ngettext("%(count)d hour", "%(count)d hours", hours) % {"count": hours}


def rate_limited(view, throttle_class):
    """A plain Django view (the admin's sign-in) behind one of these throttles, sharing its
    counter: over the limit, a 429 in words with Retry-After, and the view is not called."""

    @functools.wraps(view)
    def limited(request, *args, **kwargs):
        throttle = throttle_class()
        if throttle.allow_request(request, None):
            return view(request, *args, **kwargs)
        seconds = math.ceil(throttle.wait() or 1)
        text = gettext("Too many attempts to sign in from your address.")
        text += " " + gettext("Try again in %(when)s.") % {"when": retry_in_words(seconds)}
        return HttpResponse(
            text, status=429, content_type="text/plain; charset=utf-8", headers={"Retry-After": seconds}
        )

    return limited
