"""A lecture hall: one chat, many open tabs polling every 500 ms, one speaker posting a message a
second. How long until every tab shows each message, does any tab miss one, what it costs.

Run: `.venv/bin/python bench/lecture.py --tabs 20 50 100 1000` (SQLite, one uvicorn process as
`make run` serves, rate limits off). `--workers 2 --redis` for two processes sharing Redis.
`--source DIR --protocol after --access-log` measures another checkout as it shipped (the app
before the rev cursor polled `after=<seq>`, and `make run` logged every request).
"""

import argparse
import asyncio
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlsplit

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from backend.testing.servers import ROOT, auth, join_chat, manage, project_env, redis_url, server, sign_up
from bench.procstat import cpu_seconds, server_pids
from bench.tabs import Stats, Tab, run_tabs

GRACE_SECONDS = 3  # after the last post, tabs keep polling this long before a miss counts
STUDENTS = 40  # people signed up; the tabs are spread over them (a poll costs the same whoever sends it)


def percentile(values: list[float], p: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(len(values) * p / 100))] if values else float("nan")


READ_MARKS = {"eager": (0.5, 0.5), "app": (0.5, 120.0)}  # (delay, every) s; see bench/tabs.py


async def lecture(base: str, tabs: int, seconds: float, protocol: str, read_marks: str | None = None) -> dict:
    token = sign_up(base, f"speaker{tabs}")[1]
    headers = auth(token)
    uri = httpx.post(f"{base}/api/chats/", headers=headers).json()["uri"]
    students = []
    for i in range(min(tabs, STUDENTS)):  # signing up costs a password hash each: a class of 40 at most
        student = sign_up(base, f"student{tabs}x{i}")[1]
        join_chat(base, uri, owner=headers, joiner=auth(student))
        students.append(student)
    stats = Stats()
    tab_list = [
        Tab(base, uri, students[i % len(students)], stats, protocol=protocol, read_marks=READ_MARKS.get(read_marks))
        for i in range(tabs)
    ]
    posted: dict[int, float] = {}

    async def speaker(until: float):
        async with httpx.AsyncClient(headers=headers, timeout=30) as client:
            for n in range(int(seconds)):
                started = time.perf_counter()
                response = await client.post(f"{base}/api/chats/{uri}/messages/", json={"message": f"slide {n}"})
                if response.status_code == 201:
                    posted[response.json()["seq"]] = started
                else:
                    stats.errors += 1
                await asyncio.sleep(max(0.0, 1 - (time.perf_counter() - started)))

    pids = server_pids(urlsplit(base).port)
    cpu_before = cpu_seconds(pids)
    load_cpu = await run_tabs(tab_list, seconds + GRACE_SECONDS, writer=speaker)
    server_cpu = cpu_seconds(pids) - cpu_before
    seen = [when - posted[seq] for seq, times in stats.first_seen.items() if seq in posted for when in times]
    missed = sum(1 for tab in tab_list for seq in posted if seq not in tab.known)
    polls = len(stats.latencies_ms)
    return {
        "tabs": tabs,
        "messages": len(posted),
        "seen_p50": percentile(seen, 50),
        "seen_p99": percentile(seen, 99),
        "missed": missed,
        "errors": stats.errors,
        "polls_per_s": polls / (seconds + GRACE_SECONDS),
        "poll_p99_ms": stats.percentile(99),
        "full_answers": sum(n for status, n in stats.statuses.items() if status == 200),
        "read_marks": sum(n for status, n in stats.statuses.items() if status < 0),
        "polls": polls,
        "server_cpu_percent": 100 * server_cpu / (seconds + GRACE_SECONDS),
        "load_cpu_percent": load_cpu,
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tabs", type=int, nargs="+", default=[20, 50, 100, 1000])
    parser.add_argument("--seconds", type=float, default=20, help="how long the speaker posts, 1 message a second")
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--redis", action="store_true", help="share the machine's Redis (needed for --workers > 1)")
    parser.add_argument("--source", type=Path, default=ROOT, help="the checkout to serve (default: this one)")
    parser.add_argument("--protocol", choices=["since", "after"], default="since")
    parser.add_argument("--access-log", action="store_true", help="uvicorn's access log on, as make run had it")
    parser.add_argument("--keep", action="store_true", help="keep the server's log and database")
    parser.add_argument(
        "--read-marks",
        choices=sorted(READ_MARKS),
        help="tabs tell the server what they have read: 'app' as the app does (lazily, about every "
        "2 minutes), 'eager' half a second after every message (as it first did)",
    )
    options = parser.parse_args()

    tmp = Path(tempfile.mkdtemp(prefix="mychat-lecture-"))
    extra = {"REDIS_URL": redis_url(), "MYCHAT_CHANNEL_PREFIX": f"lecture{os.getpid()}"} if options.redis else {}
    env = project_env(tmp, **extra)
    manage(env, "migrate", "--noinput", root=options.source)
    rows = []
    with server(
        env, log=tmp / "server.log", workers=options.workers, root=options.source, access_log=options.access_log
    ) as base:
        for tabs in options.tabs:
            rows.append(asyncio.run(lecture(base, tabs, options.seconds, options.protocol, options.read_marks)))

    print(
        f"source {options.source}, protocol {options.protocol}, workers {options.workers}, "
        f"redis {options.redis}, access log {'on' if options.access_log else 'as make run'}, cores {os.cpu_count()}"
    )
    head = ["tabs", "msgs", "seen p50 s", "seen p99 s", "missed", "errors", "polls/s", "poll p99 ms", "200s"]
    head += ["read marks", "server CPU %", "load gen CPU %"]
    print(" | ".join(head))
    for r in rows:
        print(
            f"{r['tabs']} | {r['messages']} | {r['seen_p50']:.2f} | {r['seen_p99']:.2f} | {r['missed']} | "
            f"{r['errors']} | {r['polls_per_s']:.0f} | {r['poll_p99_ms']:.0f} | {r['full_answers']} | "
            f"{r['read_marks']} | {r['server_cpu_percent']:.0f} | {r['load_cpu_percent']}"
        )
    if options.keep:
        print(f"server log and database kept in {tmp}")
    else:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
