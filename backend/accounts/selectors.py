"""Reads of accounts: how a person appears to others (the one public shape every API and push
uses), and one's signed-in devices."""

from django.core.exceptions import ObjectDoesNotExist
from django.db.models import QuerySet

from .models import DeviceToken, Profile


def device_list(*, user) -> QuerySet[DeviceToken]:
    """The user's signed-in devices, the most recently used first."""
    return DeviceToken.objects.filter(user=user).order_by("-last_used", "-pk")


def device_get(*, user, device_id: int) -> DeviceToken | None:
    """One of the user's devices; None for an unknown id or another user's (they look the same)."""
    return DeviceToken.objects.filter(user=user, pk=device_id).first()


def profile_of(user) -> Profile | None:
    """The user's profile, None when they never made one. No query when it was joined
    (select_related, the token's authentication) or read before."""
    try:
        return user.profile
    except ObjectDoesNotExist:
        return None


def profile_version(user) -> int:
    profile = profile_of(user)
    return profile.version if profile else 0


def avatar_url(stored_name: str | None) -> str | None:
    """Where the picture is served (accounts/views.AvatarFileView): by its random name, no token needed."""
    if not stored_name:
        return None
    return f"/api/avatars/{stored_name.rsplit('/', 1)[-1]}"


def public_user(user_id: int, username: str, display_name: str | None = "", avatar: str | None = "") -> dict:
    """{id, username, display_name, avatar_url} from columns (a row of values(), a LEFT JOIN's NULLs)."""
    return {"id": user_id, "username": username, "display_name": display_name or "", "avatar_url": avatar_url(avatar)}


def user_json(user) -> dict:
    """{id, username, display_name, avatar_url}: "" and null when the person has not set them."""
    profile = profile_of(user)
    if profile is None:
        return public_user(user.pk, user.get_username())
    return public_user(user.pk, user.get_username(), profile.display_name, profile.avatar.name)
