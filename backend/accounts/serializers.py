"""How a user appears to others (the one public shape every API and push uses), sign-up, and devices."""

from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _
from djoser import serializers as djoser_serializers
from djoser.conf import settings as djoser_settings
from djoser.utils import decode_uid
from rest_framework import serializers

from .models import KEY_MAX_LENGTH, DeviceToken, UsernameKey
from .services import NAME_TAKEN, user_create
from .usernames import is_untrustworthy, reserved_keys, same_name, username_key


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

    def validate_username(self, value):
        key = username_key(value)
        if len(key) > KEY_MAX_LENGTH:
            raise serializers.ValidationError(_("That name is too long."))
        if key in reserved_keys():
            raise serializers.ValidationError(_("That name is reserved."))
        holder = UsernameKey.objects.filter(key=key).values_list("user__username", flat=True).first()
        if holder is not None:
            raise serializers.ValidationError(
                NAME_TAKEN if same_name(holder, value) else _("That name looks too much like an existing name.")
            )
        if is_untrustworthy(value):
            raise serializers.ValidationError(
                _("That name mixes letters of different alphabets (or has invisible marks); use one alphabet.")
            )
        return value


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


_LINK_INVALID = _("This reset link is invalid or has expired. Ask for a new one.")


# Djoser's, with an answer a person can act on for a link that is wrong or used, and a uid that is
# not a user id at all (an out-of-range number would otherwise reach the database).
class PasswordResetConfirmSerializer(djoser_serializers.PasswordResetConfirmSerializer):
    default_error_messages = {"invalid_uid": _LINK_INVALID, "invalid_token": _LINK_INVALID}

    def validate(self, attrs):
        uid = self.initial_data.get("uid")
        try:
            user_id = int(decode_uid(uid)) if isinstance(uid, str) else 0
        except (ValueError, TypeError, UnicodeDecodeError):
            user_id = 0
        if not 0 < user_id < 2**63:
            raise serializers.ValidationError({"uid": [self.error_messages["invalid_uid"]]}, code="invalid_uid")
        return super().validate(attrs)
