"""Which WebSocket handshakes may connect, by their Origin header.

A browser always sends Origin, and a page of another site must not open a socket on a user's
behalf: a browser's Origin must name one of ALLOWED_HOSTS. A client that sends none (a script,
a mobile app, a bot) is not a browser: nothing of the user's is sent for it without its asking,
and it authenticates with its own token like everyone. It is served.
"""

from channels.security.websocket import OriginValidator
from django.conf import settings


class BrowserOriginValidator(OriginValidator):
    def valid_origin(self, parsed_origin) -> bool:
        return parsed_origin is None or super().valid_origin(parsed_origin)


def browser_origin_validator(app) -> BrowserOriginValidator:
    """Like channels' AllowedHostsOriginValidator, but a handshake without an Origin is served."""
    allowed_hosts = settings.ALLOWED_HOSTS
    if settings.DEBUG and not allowed_hosts:
        allowed_hosts = ["localhost", "127.0.0.1", "[::1]"]
    return BrowserOriginValidator(app, allowed_hosts)
