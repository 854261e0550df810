"""A deactivated user is cut off at once: their devices are signed out (so their open sockets
close, on every process) the moment the deactivation is saved, by the admin or by code."""

from .models import DeviceToken


def sign_out_deactivated_user(sender, instance, created, update_fields=None, **kwargs) -> None:
    if created or instance.is_active:
        return
    if update_fields is not None and "is_active" not in update_fields:
        return
    DeviceToken.objects.filter(user_id=instance.pk).delete()
