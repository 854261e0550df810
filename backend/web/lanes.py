"""Lean ASGI lanes: a few hot GETs answered before Django, with a bare response, or passed on.

Every open tab polls twice a second and nearly every poll finds nothing new; the full Django and
DRF path costs milliseconds where one indexed query costs tens of microseconds. A lane is a path
pattern and an async handler that returns a response or None; None (anything it is not sure of)
falls through to Django, which gives the complete answer. The handlers, and the rules they
check, belong to the apps; this module only routes, runs their queries on threads of its own and
writes the response.
"""

import asyncio
import re
from collections.abc import Awaitable, Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field

TOKEN_HEADER = re.compile(rb"^Token ([0-9a-f]{40})$")


@dataclass(frozen=True)
class LaneResponse:
    status: int
    headers: list[tuple[bytes, bytes]] = field(default_factory=list)
    body: bytes = b""


@dataclass(frozen=True)
class LaneRequest:
    match: re.Match
    headers: dict[bytes, bytes]
    query_string: str

    def token(self) -> str | None:
        """The DRF token of `Authorization: Token <key>`, if well-formed."""
        found = TOKEN_HEADER.match(self.headers.get(b"authorization", b""))
        return found[1].decode() if found else None


Handler = Callable[[LaneRequest], Awaitable[LaneResponse | None]]

# Two threads of the lanes' own, each keeping its database connection open: a lane's query takes
# tens of microseconds, and a couple of threads contend far less for the GIL than the loop's
# default pool (bench/polling.py, 1,000 tabs on one process: p99 about 150 ms with that pool, 40 ms with this).
_lane_threads = ThreadPoolExecutor(max_workers=2, thread_name_prefix="lean-lane")


async def run_in_lane(function: Callable, *args):
    """Run a lane's (blocking) database read on the lanes' threads."""
    return await asyncio.get_running_loop().run_in_executor(_lane_threads, function, *args)


class LeanLanes:
    """ASGI middleware: `routes` are (compiled path pattern, handler) pairs, tried for GET requests."""

    def __init__(self, app, routes: list[tuple[re.Pattern, Handler]]):
        self.app = app
        self.routes = routes

    async def __call__(self, scope, receive, send):
        if scope["type"] == "http" and scope["method"] == "GET":
            for pattern, handler in self.routes:
                if match := pattern.match(scope["path"]):
                    request = LaneRequest(match, dict(scope["headers"]), scope["query_string"].decode("latin-1"))
                    if b"origin" in request.headers:
                        break  # cross-origin callers need the CORS headers only the full stack adds
                    if (response := await handler(request)) is not None:
                        return await self._send(send, response)
                    break
        await self.app(scope, receive, send)

    @staticmethod
    async def _send(send, response: LaneResponse):
        headers = response.headers
        if response.body or response.status != 304:
            headers = [*headers, (b"content-length", str(len(response.body)).encode())]
        await send({"type": "http.response.start", "status": response.status, "headers": headers})
        await send({"type": "http.response.body", "body": response.body})
