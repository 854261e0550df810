"""Benchmark of the change cursor: what a poll costs when nothing changed, right after news, and
when it brings changes; then tabs that follow the cursor while messages are posted, edited and
reacted to.

Run: `.venv/bin/python bench/changes.py` (needs Debian's `wrk`). A fresh SQLite database (or
DATABASE_URL), one uvicorn process as `make run` starts it, rate limits off. Costs are the
server's own CPU time per request (from /proc), compared as ratios within this one run.
"""

import argparse
import asyncio
import os
import random
import shutil
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlsplit

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from backend.testing.servers import auth, manage, project_env, server, sign_up
from bench.procstat import cpu_seconds, server_pids
from bench.tabs import Stats, Tab, run_tabs
from bench.wrk import wrk

HISTORY = 200
THUMBS = "%F0%9F%91%8D"


def fill(base: str, headers: dict) -> str:
    """A chat of HISTORY messages, one in five edited and one in four reacted to."""
    uri = httpx.post(f"{base}/api/chats/", headers=headers).json()["uri"]
    with httpx.Client(headers=headers, base_url=f"{base}/api/chats/{uri}/messages/") as client:
        for i in range(1, HISTORY + 1):
            client.post("", json={"message": f"history message {i}"}).raise_for_status()
            if i % 5 == 0:
                client.patch(f"{i}/", json={"message": f"history message {i}, edited"}).raise_for_status()
            if i % 4 == 0:
                client.put(f"{i - 1}/reactions/{THUMBS}/").raise_for_status()
    return uri


def measured(pids: list[str], url: str, headers: dict, seconds: int) -> dict:
    before = cpu_seconds(pids)
    result = wrk(url, headers=headers, connections=20, seconds=seconds)
    result["server_us"] = round(1e6 * (cpu_seconds(pids) - before) / max(result["requests"], 1))
    return result


def saturation_rows(base: str, pids: list[str], headers: dict, uri: str, seconds: int) -> list[tuple[str, dict]]:
    url = f"{base}/api/chats/{uri}/messages/"
    page = httpx.get(f"{url}?since=0&limit=1", headers=headers).json()
    rev, last_seq = page["rev"], page["last_seq"]
    while page["has_more"]:
        page = httpx.get(f"{url}?since={page['rev']}", headers=headers).json()
    rev = page["rev"]
    etag = httpx.get(f"{url}?since={rev}", headers=headers).headers["ETag"]
    cases = [
        ("idle poll: since=<current>, ETag (304)", f"{url}?since={rev}", {**headers, "If-None-Match": etag}),
        ("right after news: since=<current>, no ETag", f"{url}?since={rev}", headers),
        ("the same before this change: after=<last seq>, no ETag", f"{url}?after={last_seq}", headers),
        ("a poll bringing 1 change", f"{url}?since={rev - 1}", headers),
        ("a poll bringing 20 changes (new, edited, reacted)", f"{url}?since={rev - 20}", headers),
    ]
    return [(name, measured(pids, target, extra, seconds)) for name, target, extra in cases]


async def stream(base: str, headers: dict, token: str, uri: str, tabs: int, rate: float, seconds: float):
    """`tabs` tabs follow the cursor while one writer makes `rate` changes a second (post, edit, react)."""
    stats = Stats()
    page = httpx.get(f"{base}/api/chats/{uri}/messages/?limit=1", headers=headers).json()
    tab_list = [Tab(base, uri, token, stats) for _ in range(tabs)]
    for tab in tab_list:
        tab.cursor = page["rev"]
    posted: dict[int, float] = {}

    async def writer(until: float):
        if not rate:
            return
        async with httpx.AsyncClient(headers=headers, base_url=f"{base}/api/chats/{uri}/messages/") as client:
            turn = 0
            while time.perf_counter() < until - 1:
                turn += 1
                started = time.perf_counter()
                if turn % 3 == 1:
                    response = await client.post("", json={"message": f"live {turn}"})
                    posted[response.json()["seq"]] = started
                elif turn % 3 == 2:
                    seq = random.choice(list(posted) or [HISTORY])
                    await client.patch(f"{seq}/", json={"message": f"live edit {turn}"})
                else:
                    await client.put(f"{random.randint(1, HISTORY)}/reactions/{THUMBS}/")
                await asyncio.sleep(max(0.0, 1 / rate - (time.perf_counter() - started)))

    pids = server_pids(urlsplit(base).port)
    before = cpu_seconds(pids)
    load_cpu = await run_tabs(tab_list, seconds, writer=writer)
    server_cpu = cpu_seconds(pids) - before
    seen = [when - posted[seq] for seq, times in stats.first_seen.items() if seq in posted for when in times]
    seen.sort()
    return stats, load_cpu, server_cpu, seen


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=5, help="duration of each wrk run")
    parser.add_argument("--tabs", type=int, default=200, help="tabs that follow the cursor")
    parser.add_argument("--rate", type=float, default=3, help="changes a second while they poll")
    options = parser.parse_args()
    if not shutil.which("wrk"):
        sys.exit("wrk is missing: apt-get install wrk")
    tmp = Path(tempfile.mkdtemp(prefix="mychat-bench-"))
    env = project_env(tmp, **({"DATABASE_URL": os.environ["DATABASE_URL"]} if "DATABASE_URL" in os.environ else {}))
    manage(env, "migrate", "--noinput")
    with server(env, log=tmp / "server.log") as base:
        token = sign_up(base, "bench")[1]
        headers = auth(token)
        uri = fill(base, headers)
        pids = server_pids(urlsplit(base).port)
        rows = saturation_rows(base, pids, headers, uri, options.seconds)
        streams = [
            (rate, asyncio.run(stream(base, headers, token, uri, options.tabs, rate, 4 * options.seconds)))
            for rate in (0, options.rate)
        ]

    print(f"database: {env.get('DATABASE_URL', 'SQLite')}, cores: {os.cpu_count()}, history {HISTORY} messages")
    print(
        f"{'request (20 connections, saturating)':<56}{'req/s':>8}{'p50 ms':>8}{'p99 ms':>8}{'µs CPU':>8}{'× idle':>8}"
    )
    idle_cost = rows[0][1]["server_us"]
    for name, r in rows:
        ratio = r["server_us"] / idle_cost
        print(f"{name:<56}{r['rps']:>8}{r['p50_ms']:>8}{r['p99_ms']:>8}{r['server_us']:>8}{ratio:>8.2f}")
    print(f"wrk's own CPU: {max(r['load_cpu_percent'] for _, r in rows)}% of a core at most")
    for rate, (stats, load_cpu, server_cpu, seen) in streams:
        polls = len(stats.latencies_ms)
        line = (
            f"{options.tabs} tabs following the cursor, {rate:g} changes/s: {polls} polls, "
            f"p50 {stats.percentile(50):.1f} ms, p99 {stats.percentile(99):.1f} ms, "
            f"server {1e6 * server_cpu / max(polls, 1):.0f} µs CPU a poll, errors {stats.errors}, "
            f"statuses {dict(sorted(stats.statuses.items()))}, load generator {load_cpu}% of a core"
        )
        if seen:
            line += (
                f"; post→seen p50 {1000 * seen[len(seen) // 2]:.0f} ms, p99 {1000 * seen[int(len(seen) * 0.99)]:.0f} ms"
            )
        print(line)
    shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
