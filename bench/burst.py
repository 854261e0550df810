"""A class arriving at once: N people sign up, log in, join one chat and post twice, all together.

    .venv/bin/python bench/burst.py                                  # SQLite, N = 10, 40, 100
    .venv/bin/python bench/burst.py --database postgres              # a throwaway PostgreSQL database
    .venv/bin/python bench/burst.py --database both --compare-with 348298e   # before/after in one run

Each row gets a fresh database and a fresh uvicorn process started as `make run` does (rate
limits off), one chat, then N clients driven by one asyncio loop (backend/testing/burst.py) from
this process. `--compare-with REV` also runs the same rows against that commit (exported with
`git archive`), alternating, so before and after share one run of this noisy, shared machine.
"""

import argparse
import asyncio
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from contextlib import ExitStack
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import httpx  # noqa: E402

from backend.testing.burst import STEPS, class_burst, percentile, stored_texts  # noqa: E402
from backend.testing.servers import (  # noqa: E402
    PASSWORD,
    auth,
    manage,
    postgres_database,
    project_env,
    server,
    sign_up,
)


def one_hash_seconds() -> float:
    """What one password hash costs here: Django's default hasher, as the server runs it."""
    from django.contrib.auth.hashers import PBKDF2PasswordHasher

    hasher = PBKDF2PasswordHasher()
    times = []
    for _ in range(3):
        began = time.perf_counter()
        hasher.encode(PASSWORD, hasher.salt())
        times.append(time.perf_counter() - began)
    return statistics.median(times)


def export(rev: str) -> Path:
    folder = Path(tempfile.mkdtemp(prefix=f"mychat-{rev}-"))
    archive = subprocess.run(["git", "archive", rev], cwd=ROOT, capture_output=True, check=True).stdout
    subprocess.run(["tar", "-x", "-C", str(folder)], input=archive, check=True)
    return folder


def run_row(root: Path, database: str, clients: int, extra_env: dict) -> dict:
    tmp = Path(tempfile.mkdtemp(prefix="mychat-burst-"))
    with ExitStack() as stack:
        overrides = dict(extra_env)
        if database == "postgres":
            overrides["DATABASE_URL"] = stack.enter_context(postgres_database("mychat_burst"))
        env = project_env(tmp, MYCHAT_BOT_EMBEDDED="1", **overrides)
        manage(env, "migrate", "--noinput", root=root)
        log = tmp / "server.log"
        base = stack.enter_context(server(env, log=log, root=root, log_level="warning"))
        teacher = auth(sign_up(base, "teacher")[1])
        chat = httpx.post(f"{base}/api/chats/", headers=teacher, json={"title": "Lesson"}).json()
        uri = chat["uri"]
        burst = asyncio.run(class_burst(base, chat, clients))
        stored = stored_texts(base, uri, teacher)
        log_text = log.read_text(errors="replace")
    shutil.rmtree(tmp, ignore_errors=True)
    counts = {text: stored.count(text) for text in burst.sent_texts}
    row = {
        "clients": clients,
        "requests": len(burst.calls),
        "wall": burst.wall_seconds,
        "rps": len(burst.calls) / burst.wall_seconds,
        "server_errors": len(burst.server_errors()),
        "other_errors": len(burst.failures()) - len(burst.server_errors()),
        "posts_ok": len(burst.sent_texts),
        "posts_expected": clients * 2,
        "stored_once": sum(1 for n in counts.values() if n == 1),
        "stored_twice": sum(1 for n in counts.values() if n > 1),
        "locked_in_log": log_text.count("database is locked"),
        "client_cpu": burst.client_cpu,
    }
    for step in STEPS:
        seconds = [call.seconds for call in burst.of(step) if 200 <= call.status < 300]
        row[step] = (percentile(seconds, 50), percentile(seconds, 99))
    statuses = sorted({call.status for call in burst.failures()})
    row["statuses"] = ",".join(str(s) for s in statuses)
    return row


def print_row(label: str, database: str, row: dict) -> None:
    steps = "  ".join(f"{row[s][0]:6.2f}/{row[s][1]:6.2f}" for s in STEPS)
    print(
        f"{label:<7}{database:<9}{row['clients']:>4}{row['requests']:>6}{row['wall']:>7.1f}{row['rps']:>7.1f}  "
        f"{steps}  {row['server_errors']:>4}{row['other_errors']:>6}  "
        f"{row['stored_once']:>6}/{row['posts_expected']:<4}{row['stored_twice']:>4}{row['locked_in_log']:>7}"
        f"{row['client_cpu'] * 100:>7.0f}%  {row['statuses']}",
        flush=True,
    )


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, nargs="+", default=[10, 40, 100])
    parser.add_argument("--database", choices=["sqlite", "postgres", "both"], default="sqlite")
    parser.add_argument("--compare-with", metavar="REV", help="also run these rows against that commit")
    parser.add_argument(
        "--env", action="append", default=[], metavar="NAME=VALUE", help="extra environment for the server"
    )
    options = parser.parse_args()
    extra_env = dict(item.split("=", 1) for item in options.env)
    databases = ["sqlite", "postgres"] if options.database == "both" else [options.database]
    versions = [("after", ROOT)]
    if options.compare_with:
        versions.insert(0, ("before", export(options.compare_with)))

    print(
        f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
        f"load average {os.getloadavg()[0]:.1f}; one PBKDF2 hash: {one_hash_seconds() * 1000:.0f} ms"
    )
    header = "  ".join(f"{s + ' p50/p99 s':>13}" for s in STEPS)
    print(
        f"{'code':<7}{'database':<9}{'N':>4}{'reqs':>6}{'wall s':>7}{'req/s':>7}  {header}  "
        f"{'5xx':>4}{'other':>6}  {'stored once':>11}{'dup':>4}{'locked':>7}{'gen CPU':>8}  statuses"
    )
    for database in databases:
        for clients in options.clients:
            for label, root in versions:
                print_row(label, database, run_row(root, database, clients, extra_env))
    print(f"load average at the end {os.getloadavg()[0]:.1f}")
    for _, root in versions:
        if root != ROOT:
            shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    main()
