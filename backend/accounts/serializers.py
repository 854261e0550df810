"""How a user appears to others (the one public shape every API and push uses), sign-up, and devices."""

from django.contrib.auth import get_user_model
from djoser import serializers as djoser_serializers
from djoser.conf import settings as djoser_settings
from rest_framework import serializers

from .models import DeviceToken
from .services import user_create


class PublicUserSerializer(serializers.ModelSerializer):
    class Meta:
        model = get_user_model()
        fields = ["id", "username"]
        read_only_fields = fields


# Djoser's sign-up (its fields, password validation and answers), with the password hashed before
# the write transaction instead of inside it (Djoser calls `create_user` in `atomic()`). A comment,
# not a docstring: the class keeps Djoser's name and schema, so the API contract does not change.
class UserCreateSerializer(djoser_serializers.UserCreateSerializer):
    def perform_create(self, validated_data):
        # Djoser's rule, applied before the INSERT instead of as a second write.
        validated_data.setdefault("is_active", not djoser_settings.SEND_ACTIVATION_EMAIL)
        return user_create(**validated_data)


class DeviceSerializer(serializers.ModelSerializer):
    """A signed-in device as its owner sees it (never its key)."""

    name = serializers.CharField(
        read_only=True, help_text='From the User-Agent at sign-in ("Firefox on Windows"); may be "".'
    )
    last_used = serializers.DateTimeField(
        read_only=True, help_text="Within a few minutes: it is not written on every request."
    )
    current = serializers.SerializerMethodField(help_text="Whether this is the device asking.")

    class Meta:
        model = DeviceToken
        fields = ["id", "name", "created", "last_used", "current"]
        read_only_fields = fields

    def get_current(self, token) -> bool:
        request = self.context.get("request")
        return request is not None and getattr(request.auth, "pk", None) == token.pk
