"""Djoser's views with mychat's rate limits on signing up and logging in."""

from djoser import views as djoser_views
from drf_spectacular.utils import extend_schema, extend_schema_view

from backend.web.throttles import LoginThrottle, SignupThrottle

# Djoser's actions that answer 204 with no body (its schema would say 200 with one).
_NO_CONTENT = extend_schema(responses={204: None})
_NO_CONTENT_ACTIONS = (
    "activation",
    "resend_activation",
    "set_password",
    "reset_password",
    "reset_password_confirm",
    "set_username",
    "reset_username",
    "reset_username_confirm",
)


@extend_schema_view(**dict.fromkeys(_NO_CONTENT_ACTIONS, _NO_CONTENT))
class UserViewSet(djoser_views.UserViewSet):
    def get_throttles(self):
        return [SignupThrottle()] if self.action == "create" else super().get_throttles()


class TokenCreateView(djoser_views.TokenCreateView):
    throttle_classes = [LoginThrottle]


@extend_schema(request=None, responses={204: None})
class TokenDestroyView(djoser_views.TokenDestroyView):
    """Log out: the token that made this request stops working."""
