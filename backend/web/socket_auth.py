"""Token authentication for WebSockets: browsers cannot set headers on the handshake, so the
DRF token travels in the query string (`?token=<key>`) and this middleware resolves it."""

from urllib.parse import parse_qs

from channels.db import database_sync_to_async
from channels.middleware import BaseMiddleware
from django.contrib.auth.models import AnonymousUser
from rest_framework.authtoken.models import Token


def token_from_query_string(query_string: bytes) -> str | None:
    values = parse_qs(query_string.decode("latin-1")).get("token")
    return values[0] if values else None


@database_sync_to_async
def user_for_token(key: str | None):
    """The token's active user, else AnonymousUser: the rules of DRF's TokenAuthentication."""
    if not key or len(key) > 40 or not key.isascii() or not key.isprintable():
        return AnonymousUser()  # not a key (a NUL would be an error on PostgreSQL, not a miss)
    token = Token.objects.select_related("user").filter(key=key).first()
    if token is None or not token.user.is_active:
        return AnonymousUser()
    return token.user


class TokenAuthMiddleware(BaseMiddleware):
    """Puts `scope["user"]`; the consumer decides what an anonymous socket gets (close 4401)."""

    async def __call__(self, scope, receive, send):
        scope = dict(scope, user=await user_for_token(token_from_query_string(scope.get("query_string", b""))))
        return await super().__call__(scope, receive, send)
