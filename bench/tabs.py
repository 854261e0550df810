"""Browser tabs as the app runs them, simulated cheaply: each tab keeps one HTTP/1.1 connection and
polls `since=<its rev>` every 500 ms with its last ETag, applying what it gets (or, with
protocol="after", as the app did before the rev cursor: `after=<the last seq it has>`).

One asyncio loop drives hundreds of tabs with a few lines of raw HTTP (no client library per
request), so the load generator is not the bottleneck; `cpu_percent()` says what it used.
"""

import asyncio
import json
import random
import resource
import time
from dataclasses import dataclass, field
from urllib.parse import urlsplit


def cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


@dataclass
class Stats:
    latencies_ms: list[float] = field(default_factory=list)
    statuses: dict[int, int] = field(default_factory=dict)
    errors: int = 0
    first_seen: dict[int, list[float]] = field(default_factory=dict)  # seq -> when each tab first had it

    def percentile(self, p: float) -> float:
        values = sorted(self.latencies_ms)
        return values[min(len(values) - 1, int(len(values) * p / 100))] if values else 0.0


class Tab:
    def __init__(
        self,
        base: str,
        uri: str,
        token: str,
        stats: Stats,
        *,
        interval: float = 0.5,
        protocol="since",
        read_marks: tuple[float, float] | None = None,
    ):
        """`read_marks` = (delay, every): as the app does while the tab is visible, tell the server
        the newest seq seen (POST read/) at least `delay` s after seeing news and at most about
        once per `every` s (±50 %), the first one too (nothing was unread at opening). None: never."""
        self.host, self.port = urlsplit(base).hostname, urlsplit(base).port
        self.path = f"/api/chats/{uri}/messages/"
        self.read_path = f"/api/chats/{uri}/read/"
        self.read_marks = read_marks
        self.read_due: float | None = None
        self.read_last = time.perf_counter()
        self.token = token
        self.stats = stats
        self.interval = interval
        self.protocol = protocol
        self.cursor = 0
        self.etag: str | None = None
        self.etag_for: int | None = None  # the cursor the ETag was given for
        self.known: set[int] = set()
        self.reader = self.writer = None

    async def _request(self, target: str, body: bytes | None = None) -> tuple[int, dict, bytes]:
        if self.writer is None:
            self.reader, self.writer = await asyncio.open_connection(self.host, self.port)
        method = "GET" if body is None else "POST"
        lines = [f"{method} {target} HTTP/1.1", f"Host: {self.host}", f"Authorization: Token {self.token}"]
        if body is not None:
            lines += ["Content-Type: application/json", f"Content-Length: {len(body)}"]
        elif self.etag and self.etag_for == self.cursor:
            lines.append(f"If-None-Match: {self.etag}")
        self.writer.write(("\r\n".join(lines) + "\r\n\r\n").encode() + (body or b""))
        status_line = await self.reader.readline()
        status = int(status_line.split()[1])
        headers = {}
        while (line := await self.reader.readline()) not in (b"\r\n", b""):
            name, _, value = line.decode("latin-1").partition(":")
            headers[name.strip().lower()] = value.strip()
        length = int(headers.get("content-length", "0"))
        body = await self.reader.readexactly(length) if length else b""
        return status, headers, body

    async def poll_once(self) -> None:
        started = time.perf_counter()
        try:
            status, headers, body = await self._request(f"{self.path}?{self.protocol}={self.cursor}&limit=100")
        except (OSError, asyncio.IncompleteReadError, ValueError, IndexError):
            self.stats.errors += 1
            self.writer = None
            return
        now = time.perf_counter()
        self.stats.latencies_ms.append((now - started) * 1000)
        self.stats.statuses[status] = self.stats.statuses.get(status, 0) + 1
        if status == 200:
            page = json.loads(body)
            for message in page["messages"]:
                if message["seq"] not in self.known:
                    self.known.add(message["seq"])
                    self.stats.first_seen.setdefault(message["seq"], []).append(now)
                    if self.read_marks is not None and self.read_due is None:
                        delay, every = self.read_marks
                        self.read_due = max(now + delay, self.read_last + every * random.uniform(0.5, 1.5))
            self.etag, self.etag_for = headers.get("etag"), self.cursor
            if self.protocol == "since":
                self.cursor = page["rev"]
            elif page["messages"]:
                self.cursor = page["messages"][-1]["seq"]
        elif status >= 400:
            self.stats.errors += 1

    async def mark_read(self) -> None:
        self.read_due = None
        self.read_last = time.perf_counter()
        body = json.dumps({"seq": max(self.known)}).encode()
        try:
            status, _, _ = await self._request(self.read_path, body)
        except (OSError, asyncio.IncompleteReadError, ValueError, IndexError):
            self.stats.errors += 1
            self.writer = None
            return
        self.stats.statuses[-status] = self.stats.statuses.get(-status, 0) + 1  # negative: read marks
        if status >= 400:
            self.stats.errors += 1

    async def run(self, until: float) -> None:
        await asyncio.sleep(random.uniform(0, self.interval))  # tabs open at random moments
        while time.perf_counter() < until:
            began = time.perf_counter()
            if self.read_due is not None and began >= self.read_due:
                await self.mark_read()
            await self.poll_once()
            await asyncio.sleep(max(0.0, self.interval - (time.perf_counter() - began)))
        if self.writer is not None:
            self.writer.close()


async def run_tabs(tabs: list[Tab], seconds: float, *, writer=None) -> float:
    """Runs every tab (and `writer(until)`, a coroutine that changes messages) for `seconds`;
    returns the load generator's CPU use in percent of one core."""
    until = time.perf_counter() + seconds
    cpu_before, wall_before = cpu_seconds(), time.perf_counter()
    jobs = [tab.run(until) for tab in tabs] + ([writer(until)] if writer else [])
    await asyncio.gather(*jobs)
    return round(100 * (cpu_seconds() - cpu_before) / (time.perf_counter() - wall_before))
