"""Rate limits on posting, logging in and signing up (off with MYCHAT_RATE_LIMITS=0)."""
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


class LoginThrottle(_Switchable, AnonRateThrottle):
    """Per client address, since the caller is not signed in yet."""

    scope = "login"


class SignupThrottle(_Switchable, AnonRateThrottle):
    scope = "signup"
