"""Djoser's views with mychat's rate limits on signing up and logging in; one's picture; the password rules."""

import re

from django.contrib.auth import password_validation
from django.core.files.storage import default_storage
from django.http import FileResponse, Http404, JsonResponse
from djoser import views as djoser_views
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework.parsers import MultiPartParser
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.views import APIView

from backend.web.throttles import ChangeMessageThrottle, LoginThrottle, SignupThrottle, UploadThrottle

from . import services
from .serializers import AvatarUploadSerializer, CurrentUserSerializer, PasswordRulesSerializer


class UserViewSet(djoser_views.UserViewSet):
    def get_throttles(self):
        if self.action == "create":
            return [SignupThrottle()]
        if self.action == "me" and self.request.method in ("PATCH", "PUT"):
            return [ChangeMessageThrottle()]  # a rename renders one's messages again: not in a loop
        return super().get_throttles()


class TokenCreateView(djoser_views.TokenCreateView):
    throttle_classes = [LoginThrottle]


@extend_schema(request=None, responses={204: None})
class TokenDestroyView(djoser_views.TokenDestroyView):
    """Log out: the token that made this request stops working."""


def _too_large() -> JsonResponse:
    limit = services.avatar_max_bytes() // (1024 * 1024)
    return JsonResponse({"detail": f"The picture is too large: the limit is {limit} MB."}, status=413)


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
