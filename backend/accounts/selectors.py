"""Reads of accounts."""

from django.db.models import QuerySet

from .models import DeviceToken


def device_list(*, user) -> QuerySet[DeviceToken]:
    """The user's signed-in devices, the most recently used first."""
    return DeviceToken.objects.filter(user=user).order_by("-last_used", "-pk")


def device_get(*, user, device_id: int) -> DeviceToken | None:
    """One of the user's devices; None for an unknown id or another user's (they look the same)."""
    return DeviceToken.objects.filter(user=user, pk=device_id).first()
