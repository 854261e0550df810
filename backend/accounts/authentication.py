"""DRF's token authentication over the per-device tokens (`Authorization: Token <key>`), reading
the user's profile in the same query: a message posted is rendered with its author's name and
picture without asking for them again."""

from django.utils.translation import gettext_lazy as _
from rest_framework import exceptions
from rest_framework.authentication import TokenAuthentication

from .models import DeviceToken
from .services import device_token_touch


class DeviceTokenAuthentication(TokenAuthentication):
    """DRF's rules (an unknown key or an inactive user is a 401), on DeviceToken; notes when the
    device was last used (at most one write every few minutes: services.device_token_touch)."""

    model = DeviceToken

    def authenticate_credentials(self, key):
        token = DeviceToken.objects.select_related("user", "user__profile").filter(key=key).first()
        if token is None:
            raise exceptions.AuthenticationFailed(_("Invalid token."))
        if not token.user.is_active:
            raise exceptions.AuthenticationFailed(_("User inactive or deleted."))
        device_token_touch(token=token)
        return token.user, token
