"""DRF's token authentication over the per-device tokens (`Authorization: Token <key>`)."""

from rest_framework.authentication import TokenAuthentication

from .models import DeviceToken
from .services import device_token_touch


class DeviceTokenAuthentication(TokenAuthentication):
    """DRF's rules (an unknown key or an inactive user is a 401), on DeviceToken; notes when the
    device was last used (at most one write every few minutes: services.device_token_touch)."""

    model = DeviceToken

    def authenticate_credentials(self, key):
        user, token = super().authenticate_credentials(key)
        device_token_touch(token=token)
        return user, token
