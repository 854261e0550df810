"""Rate limits on posting, logging in and signing up (off with MYCHAT_RATE_LIMITS=0)."""
import math
from types import SimpleNamespace

from django.conf import settings
from rest_framework.throttling import AnonRateThrottle, UserRateThrottle


class _Switchable:
    methods = ("POST",)

    def allow_request(self, request, view):
        if not settings.RATE_LIMITS_ON or request.method not in self.methods:
            return True
        return super().allow_request(request, view)


class PostMessageThrottle(_Switchable, UserRateThrottle):
    scope = "post_message"


def post_wait_seconds(user) -> int:
    """For posts that do not come through a DRF view (the WebSocket): the same limit, the same
    counter. 0 when the user may post now, else the seconds to wait."""
    throttle = PostMessageThrottle()
    if throttle.allow_request(SimpleNamespace(user=user, method="POST"), None):
        return 0
    return math.ceil(throttle.wait() or 1)


class LoginThrottle(_Switchable, AnonRateThrottle):
    """Per client address, since the caller is not signed in yet."""

    scope = "login"


class SignupThrottle(_Switchable, AnonRateThrottle):
    scope = "signup"
