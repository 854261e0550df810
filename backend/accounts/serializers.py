"""How a user appears to others (the one public shape every API and push uses), oneself, sign-up,
and devices."""

from collections.abc import Mapping

from django.utils.translation import gettext_lazy as _
from djoser import serializers as djoser_serializers
from djoser.conf import settings as djoser_settings
from djoser.utils import decode_uid
from rest_framework import serializers

from .models import KEY_MAX_LENGTH, MAX_DISPLAY_NAME_LENGTH, DeviceToken, Language, UsernameKey
from .selectors import profile_of, user_json
from .services import NAME_TAKEN, profile_update, user_create
from .usernames import is_untrustworthy, reserved_keys, same_name, username_key


class PublicUserSerializer(serializers.Serializer):
    """A person as others see them. Also renders the people named in a system message's event,
    stored as they were called then (an event older than profiles has only id and username)."""

    id = serializers.IntegerField(read_only=True)
    username = serializers.CharField(read_only=True)
    display_name = serializers.CharField(
        read_only=True, help_text='The name they chose; "" when none (show the username).'
    )
    avatar_url = serializers.CharField(
        read_only=True, allow_null=True, help_text="Their picture (a square WebP, no token needed); null when none."
    )

    def to_representation(self, instance) -> dict:
        if isinstance(instance, Mapping):
            return {
                "id": instance["id"],
                "username": instance["username"],
                "display_name": instance.get("display_name") or "",
                "avatar_url": instance.get("avatar_url"),
            }
        return user_json(instance)


class CurrentUserSerializer(djoser_serializers.UserSerializer):
    """Oneself (`/auth/users/me/`): the public shape, the e-mail and the app's language; PATCH
    changes the display name, the language and the e-mail (the picture: `/api/profile/avatar/`)."""

    display_name = serializers.CharField(
        required=False,
        allow_blank=True,
        max_length=MAX_DISPLAY_NAME_LENGTH,
        trim_whitespace=False,  # the service trims, and says what is wrong in words
        help_text='Shown instead of the username: one line, at most 50 characters; "" for none.',
    )
    avatar_url = serializers.SerializerMethodField(help_text="The picture; null when none.")
    language = serializers.ChoiceField(
        choices=Language.choices,
        required=False,
        allow_blank=True,
        help_text='The app\'s language; "" follows the browser.',
    )

    class Meta(djoser_serializers.UserSerializer.Meta):
        fields = (*djoser_serializers.UserSerializer.Meta.fields, "display_name", "avatar_url", "language")

    def get_avatar_url(self, user) -> str | None:
        return user_json(user)["avatar_url"]

    def to_representation(self, user) -> dict:
        data = super().to_representation(user)
        profile = profile_of(user)
        data["display_name"] = profile.display_name if profile else ""
        data["language"] = profile.language if profile else ""
        return data

    def update(self, user, validated_data):
        display_name = validated_data.pop("display_name", None)
        language = validated_data.pop("language", None)
        if display_name is not None or language is not None:
            profile_update(user=user, display_name=display_name, language=language)
        return super().update(user, validated_data) if validated_data else user  # no write of an unchanged user


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


class AvatarUploadSerializer(serializers.Serializer):
    file = serializers.FileField(help_text="A PNG, JPEG, GIF or WebP picture; it is cropped to a square and shrunk.")


class PasswordRuleSerializer(serializers.Serializer):
    code = serializers.CharField(
        help_text="min_length, similar, common, numeric, or the validator's class name for another rule."
    )
    text = serializers.CharField(help_text="The rule in words (Django's help text, in the request's language).")


class PasswordRulesSerializer(serializers.Serializer):
    min_length = serializers.IntegerField(allow_null=True, help_text="The fewest characters; null when no minimum.")
    rules = PasswordRuleSerializer(many=True)
