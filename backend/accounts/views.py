"""Djoser's views with mychat's rate limits on signing up, logging in and asking for a password
reset, and a reset that answers the same whether or not the address is known."""

from djoser import views as djoser_views
from drf_spectacular.utils import extend_schema
from rest_framework import status
from rest_framework.decorators import action
from rest_framework.response import Response

from backend.web.throttles import (
    InTurn,
    LoginThrottle,
    PasswordResetEmailThrottle,
    PasswordResetThrottle,
    SignupDailyThrottle,
    SignupGlobalThrottle,
    SignupThrottle,
)

from .mail import password_reset_mail
from .services import password_reset_complete


class UserViewSet(InTurn, djoser_views.UserViewSet):
    def get_throttles(self):
        if self.action == "create":  # this address's hour, its day, then everyone's hour
            return [SignupThrottle(), SignupDailyThrottle(), SignupGlobalThrottle()]
        if self.action == "reset_password":
            return [PasswordResetThrottle(), PasswordResetEmailThrottle()]
        return super().get_throttles()

    @extend_schema(responses={204: None})
    @action(["post"], detail=False)
    def reset_password(self, request, *args, **kwargs):
        """Mail a reset link to the accounts that use this address. 204 whether or not one does."""
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        password_reset_mail(request=request, email=serializer.validated_data[serializer.email_field])
        return Response(status=status.HTTP_204_NO_CONTENT)

    @extend_schema(responses={204: None})
    @action(["post"], detail=False)
    def reset_password_confirm(self, request, *args, **kwargs):
        """Set the new password from a reset link; every device signed in before is signed out."""
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        password_reset_complete(user=serializer.user, password=serializer.validated_data["new_password"])
        return Response(status=status.HTTP_204_NO_CONTENT)


class TokenCreateView(djoser_views.TokenCreateView):
    throttle_classes = [LoginThrottle]


@extend_schema(request=None, responses={204: None})
class TokenDestroyView(djoser_views.TokenDestroyView):
    """Log out: the token that made this request stops working."""
