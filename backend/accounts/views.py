"""Djoser's views with mychat's rate limits on signing up, logging in and asking for a password
reset; a reset that answers the same whether or not the address is known; one token per device,
and the caller's list of signed-in devices; one's picture; the password rules."""

import re

from django.contrib.auth import password_validation, user_logged_in, user_logged_out
from django.core.files.storage import default_storage
from django.http import FileResponse, Http404, JsonResponse
from django.utils.translation import gettext_lazy as _
from djoser import views as djoser_views
from djoser.conf import settings as djoser_settings
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import status
from rest_framework.decorators import action
from rest_framework.exceptions import NotFound
from rest_framework.parsers import MultiPartParser
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.views import APIView

from backend.web.throttles import (
    ChangeMessageThrottle,
    InTurn,
    LoginThrottle,
    PasswordResetEmailThrottle,
    PasswordResetThrottle,
    SignupDailyThrottle,
    SignupGlobalThrottle,
    SignupThrottle,
    UploadThrottle,
)

from . import selectors, services
from .mail import password_reset_mail
from .serializers import AvatarUploadSerializer, CurrentUserSerializer, DeviceSerializer, PasswordRulesSerializer

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
        if self.action == "me" and self.request.method in ("PATCH", "PUT"):
            return [ChangeMessageThrottle()]  # a rename renders one's messages again: not in a loop
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


def _too_large() -> JsonResponse:
    limit = services.avatar_max_bytes() // (1024 * 1024)
    return JsonResponse(
        {"detail": _("The picture is too large: the limit is %(limit)d MB.") % {"limit": limit}}, status=413
    )


class AvatarView(APIView):
    parser_classes = [MultiPartParser]
    throttle_classes = [UploadThrottle]

    @extend_schema(
        request={"multipart/form-data": AvatarUploadSerializer},
        responses={200: CurrentUserSerializer, 413: OpenApiResponse(description="Over MYCHAT_AVATAR_MAX_MB (5).")},
    )
    def put(self, request):
        """Set one's picture: any PNG, JPEG, GIF or WebP, cropped to a square, shrunk and stored anew."""
        declared = request.META.get("CONTENT_LENGTH") or ""
        if declared.isdigit() and int(declared) > services.avatar_max_bytes() + 64 * 1024:
            return _too_large()  # before the body is read
        try:
            services.avatar_set(user=request.user, upload=request.FILES.get("file"))
        except services.AvatarTooLarge:
            return _too_large()
        return Response(CurrentUserSerializer(request.user).data)

    @extend_schema(request=None, responses={200: CurrentUserSerializer})
    def delete(self, request):
        """Remove one's picture."""
        services.avatar_remove(user=request.user)
        return Response(CurrentUserSerializer(request.user).data)


AVATAR_FILE_NAME = re.compile(r"^[A-Za-z0-9_-]{32}\.webp$")


class AvatarFileView(APIView):
    """A picture by its random name, without a token: names are unguessable (192 random bits),
    and a replaced or removed picture's name is gone for good, so `<img src>` can show it."""

    authentication_classes = []
    permission_classes = [AllowAny]

    @extend_schema(responses={(200, "image/webp"): OpenApiResponse(description="A square WebP.")})
    def get(self, request, name):
        if not AVATAR_FILE_NAME.match(name):
            raise Http404("No such picture.")
        try:
            stored = default_storage.open(f"avatars/{name}", "rb")
        except FileNotFoundError:
            raise Http404("No such picture.") from None
        response = FileResponse(stored, content_type="image/webp")
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["Content-Security-Policy"] = "default-src 'none'; sandbox"
        response.headers["Cache-Control"] = "private, max-age=604800, immutable"  # a new picture, a new name
        return response


_RULE_CODES = {
    "MinimumLengthValidator": "min_length",
    "UserAttributeSimilarityValidator": "similar",
    "CommonPasswordValidator": "common",
    "NumericPasswordValidator": "numeric",
}


class PasswordRulesView(APIView):
    """The rules a new password must meet (AUTH_PASSWORD_VALIDATORS), to show before anyone fails them."""

    authentication_classes = []
    permission_classes = [AllowAny]

    @extend_schema(responses=PasswordRulesSerializer)
    def get(self, request):
        rules, min_length = [], None
        for validator in password_validation.get_default_password_validators():
            name = type(validator).__name__
            if name == "MinimumLengthValidator":
                min_length = validator.min_length
            rules.append({"code": _RULE_CODES.get(name, name), "text": str(validator.get_help_text())})
        return Response({"min_length": min_length, "rules": rules})
