"""Token authentication for WebSockets: browsers cannot set headers on the handshake, so the
token travels in the query string (`?token=<key>`) and this middleware resolves it with the
project's own DRF token authentication (the first TokenAuthentication in
DEFAULT_AUTHENTICATION_CLASSES), so a socket follows exactly the rules of an HTTP request."""

from urllib.parse import parse_qs

from channels.db import database_sync_to_async
from channels.middleware import BaseMiddleware
from django.contrib.auth.models import AnonymousUser
from rest_framework.authentication import TokenAuthentication
from rest_framework.exceptions import AuthenticationFailed
from rest_framework.settings import api_settings


def token_from_query_string(query_string: bytes) -> str | None:
    values = parse_qs(query_string.decode("latin-1")).get("token")
    return values[0] if values else None


def token_authentication() -> TokenAuthentication:
    for authentication in api_settings.DEFAULT_AUTHENTICATION_CLASSES:
        if issubclass(authentication, TokenAuthentication):
            return authentication()
    return TokenAuthentication()


@database_sync_to_async
def authenticate(key: str | None):
    """(the token's active user, the token), else (AnonymousUser, None)."""
    if not key or len(key) > 40 or not key.isascii() or not key.isprintable():
        return AnonymousUser(), None  # not a key (a NUL would be an error on PostgreSQL, not a miss)
    try:
        return token_authentication().authenticate_credentials(key)
    except AuthenticationFailed:
        return AnonymousUser(), None


class TokenAuthMiddleware(BaseMiddleware):
    """Puts `scope["user"]` and `scope["auth"]` (the token, whose `pk` names the socket's group of
    sockets opened with it); the consumer decides what an anonymous socket gets (close 4401)."""

    async def __call__(self, scope, receive, send):
        user, token = await authenticate(token_from_query_string(scope.get("query_string", b"")))
        return await super().__call__(dict(scope, user=user, auth=token), receive, send)
