"""Post→push latency across two server processes, and fan-out of one message to many sockets.

Starts two uvicorn processes (backend.asgi:application) on a throwaway PostgreSQL database,
sharing the machine's Redis, the way docs/deploy.md runs them. Listeners connect to server B;
messages are POSTed through server A. Latency is measured by the client, from just before the
POST is sent until the push frame arrives on a socket (all on one clock: one client process).

    .venv/bin/python bench/push.py                 # 1 and 100 listeners, fan-out to 500
    .venv/bin/python bench/push.py --posts 300 --fanout 1000
"""

import argparse
import asyncio
import json
import os
import platform
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import httpx
from websockets.asyncio.client import connect

from backend.testing.servers import ORIGIN, auth, cluster, join_chat, sign_up


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q / 100 * (len(ordered) - 1)))]


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f}"


class Listeners:
    """k sockets on one server; records when each push (by seq) arrived on each socket."""

    def __init__(self, url: str, uri: str, token: str, count: int):
        self.url, self.count = url.replace("http://", "ws://") + f"/ws/chats/{uri}/?token={token}", count
        self.arrivals: dict[int, list[float]] = {}
        self.events: dict[int, asyncio.Event] = {}
        self.sockets, self.tasks = [], []

    async def __aenter__(self):
        for start in range(0, self.count, 50):  # connect in batches: the handshakes hit the database
            batch = range(start, min(start + 50, self.count))
            self.sockets += await asyncio.gather(*(connect(self.url, origin=ORIGIN, max_queue=None) for _ in batch))
        self.tasks = [asyncio.create_task(self._listen(socket)) for socket in self.sockets]
        return self

    async def __aexit__(self, *exc):
        for task in self.tasks:
            task.cancel()
        await asyncio.gather(*(socket.close() for socket in self.sockets), return_exceptions=True)

    def expect(self, seq: int) -> asyncio.Event:
        self.arrivals[seq] = []
        self.events[seq] = asyncio.Event()
        return self.events[seq]

    async def _listen(self, socket):
        async for raw in socket:
            now = time.perf_counter()
            frame = json.loads(raw)
            if frame["type"] == "message" and (arrived := self.arrivals.get(frame["message"]["seq"])) is not None:
                arrived.append(now)
                if len(arrived) == self.count:
                    self.events[frame["message"]["seq"]].set()


async def measure(poster: httpx.AsyncClient, posts_url: str, listeners: Listeners, posts: int, next_seq: int):
    """Sequential posts; returns (all-sockets latencies, per-socket latencies, POST round trips,
    and how long after the 201 the last socket had it: the fan-out alone, near zero when the push wins)."""
    everyone, each, round_trips, after_201 = [], [], [], []
    for n in range(posts):
        seq = next_seq + n
        done = listeners.expect(seq)
        started = time.perf_counter()
        response = await poster.post(posts_url, json={"message": f"bench {seq}"})
        answered = time.perf_counter()
        round_trips.append(answered - started)
        assert response.status_code == 201 and response.json()["seq"] == seq, response.text
        await asyncio.wait_for(done.wait(), 30)
        arrived = listeners.arrivals.pop(seq)
        everyone.append(max(arrived) - started)
        after_201.append(max(0.0, max(arrived) - answered))
        each.extend(t - started for t in arrived)
        await asyncio.sleep(0.005)
    return everyone, each, round_trips, after_201


def report(title: str, everyone, each, round_trips, after_201) -> str:
    return (
        f"| {title} | {len(everyone)} | {ms(percentile(each, 50))} / {ms(percentile(each, 99))} "
        f"| {ms(percentile(everyone, 50))} / {ms(percentile(everyone, 99))} "
        f"| {ms(percentile(round_trips, 50))} / {ms(percentile(round_trips, 99))} "
        f"| {ms(percentile(after_201, 50))} / {ms(percentile(after_201, 99))} |"
    )


async def run(args, live) -> list[str]:
    a, b = live.urls
    _, alice = sign_up(a, "alice")
    _, bob = sign_up(a, "bob")
    uri = httpx.post(f"{a}/api/chats/", json={"title": "bench"}, headers=auth(alice)).json()["uri"]
    joined = join_chat(a, uri, owner=auth(alice), joiner=auth(bob))
    posts_url = f"{a}/api/chats/{uri}/messages/"
    rows, seq = [], joined["last_seq"] + 1  # Bob's join is told in the chat: it took a seq
    async with httpx.AsyncClient(headers=auth(alice), timeout=30) as poster:
        for count, posts in ((1, args.posts), (100, args.posts), (args.fanout, args.fanout_posts)):
            async with Listeners(b, uri, bob, count) as listeners:
                await measure(poster, posts_url, listeners, 5, seq)  # warm up connections and caches
                seq += 5
                results = await measure(poster, posts_url, listeners, posts, seq)
                seq += posts
                rows.append(report(f"{count} socket{'s' if count > 1 else ''}", *results))
                print(rows[-1], flush=True)
    return rows


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--posts", type=int, default=200, help="posts per latency run (default 200)")
    parser.add_argument("--fanout", type=int, default=500, help="sockets in the fan-out run (default 500)")
    parser.add_argument("--fanout-posts", type=int, default=30, help="posts in the fan-out run (default 30)")
    parser.add_argument(
        "--ws", default="websockets-sansio", help="uvicorn's --ws implementation (default websockets-sansio)"
    )
    args = parser.parse_args()
    try:
        import uvloop

        uvloop.install()
    except ImportError:
        pass
    print(
        f"machine: {platform.machine()}, {os.cpu_count()} CPUs, Python {platform.python_version()}, "
        f"{platform.system()} {platform.release()}, load average before: {os.getloadavg()[0]:.2f}"
    )
    print(
        "| listeners on B | posts | post→push, per socket p50 / p99 (ms) | post→push, all sockets p50 / p99 "
        "| POST via A p50 / p99 | last socket after the 201 p50 / p99 |"
    )
    print("|---|---|---|---|---|---|")
    with cluster(2, log_level="warning", ws=args.ws) as live:
        asyncio.run(run(args, live))
    print(f"load average after: {os.getloadavg()[0]:.2f} (other work on the machine skews these figures)")


if __name__ == "__main__":
    main()
