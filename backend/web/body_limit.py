"""Refuses a request body over the limit with a JSON 413, in front of Django.

Django's ASGI handler reads the whole body (to memory, then to disk) before any middleware runs,
so the check has to sit before it: a declared Content-Length over the limit is refused at once,
and a body without one (chunked) is counted as it arrives and refused once it passes the limit.
"""

import json


class BodySizeLimit:
    def __init__(self, app, limit: int):
        self.app = app
        self.limit = limit

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        declared = dict(scope["headers"]).get(b"content-length")
        if declared is not None and (not declared.isdigit() or int(declared) > self.limit):
            return await self._refuse(send, 413 if declared.isdigit() else 400)
        received, size = [], 0
        while True:
            message = await receive()
            received.append(message)
            if message["type"] != "http.request":
                break
            size += len(message.get("body", b""))
            if size > self.limit:
                return await self._refuse(send, 413)
            if not message.get("more_body"):
                break

        async def replay():
            return received.pop(0) if received else await receive()

        await self.app(scope, replay, send)

    async def _refuse(self, send, status: int):
        detail = f"Request body too large (limit {self.limit} bytes)." if status == 413 else "Invalid Content-Length."
        body = json.dumps({"detail": detail}).encode()
        headers = [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]
        await send({"type": "http.response.start", "status": status, "headers": headers})
        await send({"type": "http.response.body", "body": body})
