"""Djoser's views with mychat's rate limits on signing up, logging in and asking for a password
reset; a reset that answers the same whether or not the address is known; one token per device,
and the caller's list of signed-in devices."""

from django.contrib.auth import user_logged_in, user_logged_out
from django.utils.translation import gettext_lazy as _
from djoser import views as djoser_views
from djoser.conf import settings as djoser_settings
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import status
from rest_framework.decorators import action
from rest_framework.exceptions import NotFound
from rest_framework.response import Response
from rest_framework.views import APIView

from backend.web.throttles import (
    InTurn,
    LoginThrottle,
    PasswordResetEmailThrottle,
    PasswordResetThrottle,
    SignupDailyThrottle,
    SignupGlobalThrottle,
    SignupThrottle,
)

from . import selectors, services
from .mail import password_reset_mail
from .serializers import DeviceSerializer

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
        services.password_reset_complete(user=serializer.user, password=serializer.validated_data["new_password"])
        return Response(status=status.HTTP_204_NO_CONTENT)

    @action(["post"], detail=False)
    def set_password(self, request, *args, **kwargs):
        """Change one's password: every other device is signed out (its sockets close); this one stays."""
        response = super().set_password(request, *args, **kwargs)
        services.device_tokens_end(user=request.user, keep=request.auth)
        return response


class TokenCreateView(djoser_views.TokenCreateView):
    """Log in: a new token for this device (the others stay signed in)."""

    throttle_classes = [LoginThrottle]

    def _action(self, serializer):
        user = serializer.user
        token = services.device_token_create(user=user, user_agent=self.request.headers.get("User-Agent"))
        user_logged_in.send(sender=user.__class__, request=self.request, user=user)
        return Response(data=djoser_settings.SERIALIZERS.token(token).data, status=status.HTTP_200_OK)


@extend_schema(request=None, responses={204: None})
class TokenDestroyView(djoser_views.TokenDestroyView):
    """Log out: the token that made this request stops working (this device only)."""

    def post(self, request):
        services.device_token_end(token=request.auth)
        user_logged_out.send(sender=request.user.__class__, request=request, user=request.user)
        return Response(status=status.HTTP_204_NO_CONTENT)


class DeviceListView(APIView):
    @extend_schema(responses=DeviceSerializer(many=True))
    def get(self, request):
        """The caller's signed-in devices, the most recently used first; `current` is the one asking."""
        devices = selectors.device_list(user=request.user)
        return Response(DeviceSerializer(devices, many=True, context={"request": request}).data)


class DeviceView(APIView):
    @extend_schema(
        request=None,
        responses={204: None},
        parameters=[OpenApiParameter("device_id", int, OpenApiParameter.PATH, description="A device's `id`.")],
    )
    def delete(self, request, device_id):
        """Sign one device out (this one too, if it names it): its token stops working and its sockets close."""
        token = selectors.device_get(user=request.user, device_id=device_id)
        if token is None:
            raise NotFound(_("No such device."))
        services.device_token_end(token=token)
        return Response(status=status.HTTP_204_NO_CONTENT)


class LogoutAllView(APIView):
    @extend_schema(request=None, responses={204: None})
    def post(self, request):
        """Log out everywhere: every device of the caller, this one included, is signed out."""
        services.device_tokens_end(user=request.user)
        return Response(status=status.HTTP_204_NO_CONTENT)
