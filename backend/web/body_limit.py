"""Refuses a request body over the limit with a JSON 413, in front of Django.

Django's ASGI handler reads the whole body (to memory, then to disk) before any middleware runs,
so the check has to sit before it: a declared Content-Length over the limit is refused at once
(one within it streams on: the server reads no more than it declares), and a body without one
(chunked) is counted as it arrives and refused once it passes the limit; one within the limit is
handed on with the Content-Length it turned out to have, which is all Django reads. Some paths (uploads) may
have a larger limit than the rest.
"""

import json
import re

from django.utils import translation
from django.utils.translation import gettext as _

from .languages import language_from_header


class BodySizeLimit:
    def __init__(self, app, limit: int, larger: dict[str, int] | None = None):
        """`larger`: {path regex: limit} for the paths that take bigger bodies."""
        self.app = app
        self.limit = limit
        self.larger = [(re.compile(pattern), size) for pattern, size in (larger or {}).items()]

    def limit_for(self, path: str) -> int:
        for pattern, size in self.larger:
            if pattern.match(path):
                return size
        return self.limit

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        limit = self.limit_for(scope.get("path", ""))
        headers = dict(scope["headers"])
        declared = headers.get(b"content-length")
        if declared is not None and b"transfer-encoding" in headers:
            # Both: which one frames the body depends on the server (h11 trusts the other one), so
            # it is refused, as RFC 9112 allows, rather than trusting a length it may not keep to.
            return await self._refuse(send, 400, limit, headers.get(b"accept-language", b""))
        if declared is not None and (not declared.isdigit() or int(declared) > limit):
            return await self._refuse(
                send, 413 if declared.isdigit() else 400, limit, headers.get(b"accept-language", b"")
            )
        if declared is not None:
            return await self.app(scope, receive, send)
        received, size = [], 0
        while True:
            message = await receive()
            received.append(message)
            if message["type"] != "http.request":
                break
            size += len(message.get("body", b""))
            if size > limit:
                return await self._refuse(send, 413, limit, headers.get(b"accept-language", b""))
            if not message.get("more_body"):
                break

        async def replay():
            return received.pop(0) if received else await receive()

        # Django (and DRF) read a body only as far as its Content-Length: without one, a chunked
        # body would be taken for an empty one. It is all here now, so its length is known.
        headers = [(name, value) for name, value in scope["headers"] if name != b"transfer-encoding"]
        scope = dict(scope, headers=[*headers, (b"content-length", str(size).encode())])
        await self.app(scope, replay, send)

    async def _refuse(self, send, status: int, limit: int, accept_language: bytes = b""):
        # In the client's language (Accept-Language), as LocaleMiddleware would pick it: this runs before Django.
        with translation.override(language_from_header(accept_language.decode("latin-1"))):
            if status == 413:
                detail = _("Request body too large (limit %(limit)d bytes).") % {"limit": limit}
            else:
                detail = _("Invalid Content-Length.")
        # (400 also answers Content-Length together with Transfer-Encoding.)
        body = json.dumps({"detail": detail}).encode()
        headers = [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]
        await send({"type": "http.response.start", "status": status, "headers": headers})
        await send({"type": "http.response.body", "body": body})
