"""Benchmark of the hot paths: idle polls, polls that bring 20 new messages, and posts.

Run: `.venv/bin/python bench/polling.py` (needs Debian's `wrk`). It builds a fresh database
(SQLite by default, or DATABASE_URL), starts uvicorn as `make run` does, and drives it with wrk
from a second process on this machine. Everything is compared within one run: the machine is shared.
"""

import argparse
import os
import shutil
import sys
import tempfile
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from backend.testing.servers import auth, manage, project_env, server, sign_up  # noqa: E402
from bench.wrk import tabs_lua, wrk  # noqa: E402

HISTORIES = (20, 5000)
TABS = 1000
TABS_LUA = tabs_lua(TABS)


def prepare(base: str, history: int) -> tuple[dict, str]:
    """A user, a chat with `history` messages; returns the auth header and the chat URI."""
    headers = auth(sign_up(base, f"bench{history}")[1])
    uri = httpx.post(f"{base}/api/chats/", headers=headers).json()["uri"]
    with httpx.Client(headers=headers) as client:
        for i in range(history):
            client.post(f"{base}/api/chats/{uri}/messages/", json={"message": f"history message {i}"})
    return headers, uri


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=5, help="duration of each wrk run")
    parser.add_argument("--workers", type=int, default=1, help="uvicorn worker processes")
    options = parser.parse_args()
    if not shutil.which("wrk"):
        sys.exit("wrk is missing: apt-get install wrk")

    tmp = Path(tempfile.mkdtemp(prefix="mychat-bench-"))
    env = project_env(tmp, **({"DATABASE_URL": os.environ["DATABASE_URL"]} if "DATABASE_URL" in os.environ else {}))
    manage(env, "migrate", "--noinput")
    rows = []
    with server(env, log=tmp / "server.log", workers=options.workers) as base:
        for history in HISTORIES:
            headers, uri = prepare(base, history)
            url = f"{base}/api/chats/{uri}/messages/"
            last = httpx.get(url, headers=headers, params={"after": history}).headers["ETag"]
            idle = {**headers, "If-None-Match": last}
            for clients in (1, 20):
                rows.append(
                    (
                        "idle poll (304)",
                        history,
                        clients,
                        wrk(f"{url}?after={history}", headers=idle, connections=clients, seconds=options.seconds),
                    )
                )
                rows.append(
                    (
                        "poll, 20 new",
                        history,
                        clients,
                        wrk(
                            f"{url}?after={history - 20}", headers=headers, connections=clients, seconds=options.seconds
                        ),
                    )
                )
        # 1,000 browser tabs, each polling every 500 ms: about 2,000 idle polls a second.
        tabs = wrk(
            f"{url}?after={history}", headers=idle, connections=TABS, seconds=max(options.seconds, 10), lua=TABS_LUA
        )
        # Posts at a steady 20 a second, so a "/" post's latency includes the bot's work beside it.
        post_lua = 'wrk.method = "POST"\nwrk.body = \'{"message": "benchmark"}\'\ndelay = function() return 50 end\n'
        post = wrk(
            url,
            headers={**headers, "Content-Type": "application/json"},
            connections=1,
            seconds=options.seconds,
            lua=post_lua,
        )
        slash = wrk(
            url,
            headers={**headers, "Content-Type": "application/json"},
            connections=1,
            seconds=options.seconds,
            lua=post_lua.replace("benchmark", "/roll 1d6"),
        )

    print(f"uvicorn workers: {options.workers}, database: {env.get('DATABASE_URL', 'SQLite')}, cores: {os.cpu_count()}")
    print(f"{'request':<18}{'history':>8}{'clients':>8}{'req/s':>9}{'p50 ms':>9}{'p99 ms':>9}{'errors':>8}")
    for name, history, clients, r in rows:
        print(f"{name:<18}{history:>8}{clients:>8}{r['rps']:>9}{r['p50_ms']:>9}{r['p99_ms']:>9}{r['errors']:>8}")
    for kind in ("idle poll (304)", "poll, 20 new"):
        for clients in (1, 20):
            small, large = (r["rps"] for n, h, c, r in rows if n == kind and c == clients)
            print(f"history cost ratio 5000/20, {kind}, {clients} clients: {small / large:.2f}")
    print(
        f"1,000 tabs every 500 ms: {tabs['rps']} idle polls/s, p50 {tabs['p50_ms']} ms, "
        f"p99 {tabs['p99_ms']} ms, errors {tabs['errors']}"
    )
    print(f"POST, 1 client at 20/s: {post['rps']} req/s, p50 {post['p50_ms']} ms, p99 {post['p99_ms']} ms")
    print(
        f"POST of a '/' command, 1 client at 20/s: {slash['rps']} req/s,"
        f" p50 {slash['p50_ms']} ms, p99 {slash['p99_ms']} ms"
    )
    shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
