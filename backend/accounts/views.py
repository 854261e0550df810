"""Djoser's views with mychat's rate limits on signing up and logging in."""

from djoser import views as djoser_views
from drf_spectacular.utils import extend_schema

from backend.web.throttles import LoginThrottle, SignupThrottle


class UserViewSet(djoser_views.UserViewSet):
    def get_throttles(self):
        return [SignupThrottle()] if self.action == "create" else super().get_throttles()


class TokenCreateView(djoser_views.TokenCreateView):
    throttle_classes = [LoginThrottle]


@extend_schema(request=None, responses={204: None})
class TokenDestroyView(djoser_views.TokenDestroyView):
    """Log out: the token that made this request stops working."""
