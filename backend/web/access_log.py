"""The access log `make run` keeps: errors, slow requests and writes, at a cost an idle poll does not feel.

uvicorn's own access log writes a line for every request: a thousand polling tabs make two
thousand lines a second, and the writing halved the idle polls one process serves
(docs/performance.md). This middleware times every request but writes only the lines worth
reading: a status of 400 or more, anything slower than MYCHAT_SLOW_REQUEST_MS, and every write
(POST, PUT, PATCH, DELETE). MYCHAT_ACCESS_LOG=all writes every request.
"""

import logging
import time

from .redact import redact

logger = logging.getLogger("mychat.access")

READS = frozenset({"GET", "HEAD", "OPTIONS"})
CLIENT_CLOSED = 499


class AccessLog:
    def __init__(self, app, *, slow_ms: float, log_all: bool = False):
        self.app = app
        self.slow_seconds = slow_ms / 1000
        self.log_all = log_all

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        started = time.perf_counter()
        # Until a response starts: a client that went away first (Django answers nothing to a
        # request whose client disconnected) is logged as nginx does, 499, not as an error;
        # an exception before any response is what the client would have got as a 500.
        status = CLIENT_CLOSED

        async def send_and_note(message):
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
            await send(message)

        try:
            await self.app(scope, receive, send_and_note)
        except Exception:
            if status == CLIENT_CLOSED:
                status = 500
            raise
        finally:
            seconds = time.perf_counter() - started
            method = scope["method"]
            if self.log_all or status >= 400 or seconds >= self.slow_seconds or method not in READS:
                self._write(scope, method, status, seconds)

    @staticmethod
    def _write(scope, method: str, status: int, seconds: float) -> None:
        path = scope["path"]
        if query := scope.get("query_string", b"").decode("latin-1"):
            path = redact(f"{path}?{query}")
        client = scope.get("client") or ("-", 0)
        level = logging.WARNING if status >= 500 else logging.INFO
        logger.log(level, '%s - "%s %s" %d %.1f ms', client[0], method, path, status, seconds * 1000)
