"""Every new user gets its look-alike key, however it was made; sign-up makes its own."""

from django.conf import settings
from django.db.models.signals import post_save
from django.dispatch import receiver

from .services import username_key_claim


@receiver(post_save, sender=settings.AUTH_USER_MODEL, dispatch_uid="accounts.username_key")
def _claim_username_key(sender, instance, created, raw=False, **kwargs):
    if created and not raw and not getattr(instance, "_signing_up", False):
        username_key_claim(user=instance)
