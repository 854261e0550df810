"""Every new user gets its look-alike key, however it was made (sign-up makes its own); a
deactivated user is cut off at once: their devices are signed out (so their open sockets close, on
every process) the moment the deactivation is saved, by the admin or by code."""

from django.conf import settings
from django.db.models.signals import post_save
from django.dispatch import receiver

from .models import DeviceToken
from .services import username_key_claim


@receiver(post_save, sender=settings.AUTH_USER_MODEL, dispatch_uid="accounts.deactivated")
def sign_out_deactivated_user(sender, instance, created, update_fields=None, **kwargs) -> None:
    if created or instance.is_active:
        return
    if update_fields is not None and "is_active" not in update_fields:
        return
    DeviceToken.objects.filter(user_id=instance.pk).delete()


@receiver(post_save, sender=settings.AUTH_USER_MODEL, dispatch_uid="accounts.username_key")
def _claim_username_key(sender, instance, created, raw=False, **kwargs):
    if created and not raw and not getattr(instance, "_signing_up", False):
        username_key_claim(user=instance)
