"""A class arriving at once: N people sign up, log in, join one chat and post twice, all together.

One asyncio loop and httpx drive every client (no thread per client), so the generator costs
little next to the server; `Burst.client_cpu` says how much. Used by the "Done when" test of
issue 19 and by bench/burst.py.
"""

import asyncio
import secrets
import time
from dataclasses import dataclass, field

import httpx

from .servers import PASSWORD, auth

STEPS = ("sign-up", "login", "join", "post")
POSTS_PER_CLIENT = 2


@dataclass
class Call:
    step: str
    status: int  # 0: no HTTP answer (connection error or client timeout)
    seconds: float
    detail: str = ""


@dataclass
class Burst:
    clients: int
    calls: list[Call] = field(default_factory=list)
    sent_texts: list[str] = field(default_factory=list)  # every post that got a 201
    wall_seconds: float = 0.0
    client_cpu_seconds: float = 0.0

    def of(self, step: str) -> list[Call]:
        return [call for call in self.calls if call.step == step]

    def server_errors(self) -> list[Call]:
        return [call for call in self.calls if call.status >= 500 or call.status == 0]

    def failures(self) -> list[Call]:
        return [call for call in self.calls if not 200 <= call.status < 300]

    @property
    def client_cpu(self) -> float:
        """The generator's CPU use during the burst, as a share of one core."""
        return self.client_cpu_seconds / self.wall_seconds if self.wall_seconds else 0.0


def percentile(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q / 100 * (len(ordered) - 1)))]


async def _person(http: httpx.AsyncClient, base: str, chat: dict, name: str, burst: Burst, start: asyncio.Event):
    async def call(step: str, path: str, **kwargs) -> httpx.Response | None:
        began = time.perf_counter()
        try:
            response = await http.post(base + path, **kwargs)
        except httpx.HTTPError as exc:
            burst.calls.append(Call(step, 0, time.perf_counter() - began, f"{type(exc).__name__}: {exc}"))
            return None
        ok = 200 <= response.status_code < 300
        burst.calls.append(Call(step, response.status_code, time.perf_counter() - began, "" if ok else response.text))
        return response if ok else None

    await start.wait()
    credentials = {"username": name, "password": PASSWORD}
    if await call("sign-up", "/auth/users/", json=credentials) is None:
        return
    login = await call("login", "/auth/token/login/", json=credentials)
    if login is None:
        return
    headers = auth(login.json()["auth_token"])
    if await call("join", "/api/chats/join/", json={"code": chat["invite"]["code"]}, headers=headers) is None:
        return
    for n in range(POSTS_PER_CLIENT):
        text = f"{name} says hello #{n + 1}"
        # The key is what makes the app's retries safe; the burst sends each message once.
        post_headers = {**headers, "Idempotency-Key": secrets.token_hex(8)}
        if await call("post", f"/api/chats/{chat['uri']}/messages/", json={"message": text}, headers=post_headers):
            burst.sent_texts.append(text)


async def class_burst(base: str, chat: dict, clients: int, *, prefix: str = "pupil", timeout: float = 300) -> Burst:
    """Every client starts at the same moment and joins `chat` (the session as its owner sees it,
    invite included); returns what each call answered and how long it took."""
    burst = Burst(clients)
    start = asyncio.Event()
    limits = httpx.Limits(max_connections=None, max_keepalive_connections=None)
    async with httpx.AsyncClient(timeout=timeout, limits=limits) as http:
        people = [asyncio.create_task(_person(http, base, chat, f"{prefix}{i}", burst, start)) for i in range(clients)]
        await asyncio.sleep(0.1)  # every task is waiting at the start line
        began, cpu_began = time.perf_counter(), time.process_time()
        start.set()
        await asyncio.gather(*people)
        burst.wall_seconds = time.perf_counter() - began
        burst.client_cpu_seconds = time.process_time() - cpu_began
    return burst


def stored_texts(base: str, uri: str, headers: dict) -> list[str]:
    """Every text message of the chat (system messages such as joins left out), read back through
    the API's cursor (`after=`)."""
    texts, after = [], 0
    with httpx.Client(headers=headers, timeout=60) as client:
        while True:
            page = client.get(f"{base}/api/chats/{uri}/messages/", params={"after": after, "limit": 100})
            page.raise_for_status()
            messages = page.json()["messages"]
            if not messages:
                return texts
            texts += [message["message"] for message in messages if message["kind"] != "system"]
            after = messages[-1]["seq"]
