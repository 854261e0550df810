"""How one process's writers should share SQLite: its busy handler, a lock, a FIFO queue, or a single writer.

    .venv/bin/python bench/sqlite_writes.py                   # 100 writers x 3 transactions, 2 hashing threads
    .venv/bin/python bench/sqlite_writes.py --writers 40 --hashers 0

Each writer thread runs transactions shaped like `message_create` (read the session's last seq,
insert the message, update the session) with some Python work inside, as the ORM does, while
`--hashers` threads hash passwords beside them (what a class signing up costs the CPU). All
writers start together. Strategies:

- off: each thread its own connection; SQLite's busy handler (timeout 20 s) sorts them out.
- lock: the same, behind a process-wide threading.Lock (no order among waiters).
- fifo: the same, behind backend.web.turns.Turns (first come, first served): what mychat uses.
- single: one writer thread owns the only write connection; the others hand it their
  transaction as a function and wait for the result.
"""

import argparse
import hashlib
import os
import queue
import sqlite3
import statistics
import sys
import tempfile
import threading
import time
from concurrent.futures import Future
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from backend.web.turns import Turns

TIMEOUT = 20.0


def connect(path: Path) -> sqlite3.Connection:
    connection = sqlite3.connect(path, timeout=TIMEOUT, isolation_level=None, check_same_thread=False)
    connection.execute("PRAGMA journal_mode=WAL")
    connection.execute("PRAGMA synchronous=NORMAL")
    return connection


def python_work(seconds: float) -> None:
    """Holding the GIL, as the ORM does between statements."""
    end = time.perf_counter() + seconds
    while time.perf_counter() < end:
        pass


def post_message(connection: sqlite3.Connection, writer: int, work: float) -> None:
    connection.execute("BEGIN IMMEDIATE")
    try:
        (last_seq,) = connection.execute("SELECT last_seq FROM session WHERE id = 1").fetchone()
        python_work(work)
        connection.execute("INSERT INTO message (seq, writer) VALUES (?, ?)", (last_seq + 1, writer))
        connection.execute("UPDATE session SET last_seq = ? WHERE id = 1", (last_seq + 1,))
        connection.execute("COMMIT")
    except BaseException:
        connection.execute("ROLLBACK")
        raise


class SingleWriter:
    def __init__(self, path: Path):
        self.jobs: queue.Queue = queue.Queue()
        self.connection = connect(path)
        self.thread = threading.Thread(target=self._run, daemon=True)
        self.thread.start()

    def _run(self):
        while (job := self.jobs.get()) is not None:
            function, future = job
            try:
                future.set_result(function(self.connection))
            except BaseException as exc:  # noqa: BLE001 - handed back to the caller
                future.set_exception(exc)

    def submit(self, function) -> Future:
        future = Future()
        self.jobs.put((function, future))
        return future

    def stop(self):
        self.jobs.put(None)
        self.thread.join()


def run(strategy: str, writers: int, transactions: int, hashers: int, work: float) -> dict:
    folder = Path(tempfile.mkdtemp(prefix="mychat-writes-"))
    path = folder / "bench.sqlite3"
    with connect(path) as setup:
        setup.execute("CREATE TABLE session (id INTEGER PRIMARY KEY, last_seq INTEGER NOT NULL)")
        setup.execute("CREATE TABLE message (id INTEGER PRIMARY KEY, seq INTEGER UNIQUE, writer INTEGER)")
        setup.execute("INSERT INTO session VALUES (1, 0)")
    gate = {"lock": threading.Lock(), "fifo": Turns(1)}.get(strategy)
    single = SingleWriter(path) if strategy == "single" else None
    latencies, errors = [], []
    record = threading.Lock()
    start, stop_hashing = threading.Event(), threading.Event()

    def hash_forever():
        while not stop_hashing.is_set():
            hashlib.pbkdf2_hmac("sha256", b"password", b"salt", 200_000)

    def writer(n: int):
        connection = None if single else connect(path)
        start.wait()
        for _ in range(transactions):
            began = time.perf_counter()
            try:
                if single:
                    single.submit(lambda c, n=n: post_message(c, n, work)).result()
                elif gate is not None:
                    gate.acquire()
                    try:
                        post_message(connection, n, work)
                    finally:
                        gate.release()
                else:
                    post_message(connection, n, work)
            except sqlite3.OperationalError as exc:
                with record:
                    errors.append(str(exc))
                continue
            with record:
                latencies.append(time.perf_counter() - began)
        if connection:
            connection.close()

    noise = [threading.Thread(target=hash_forever, daemon=True) for _ in range(hashers)]
    for thread in noise:
        thread.start()
    threads = [threading.Thread(target=writer, args=(n,)) for n in range(writers)]
    for thread in threads:
        thread.start()
    time.sleep(0.2)
    began = time.perf_counter()
    start.set()
    for thread in threads:
        thread.join()
    wall = time.perf_counter() - began
    stop_hashing.set()
    if single:
        single.stop()
    with connect(path) as check:
        stored = check.execute("SELECT count(*) FROM message").fetchone()[0]
    for file in folder.iterdir():
        file.unlink()
    folder.rmdir()
    ordered = sorted(latencies)
    return {
        "strategy": strategy,
        "wall": wall,
        "tps": stored / wall,
        "p50": statistics.median(ordered) if ordered else float("nan"),
        "p99": ordered[min(len(ordered) - 1, round(0.99 * (len(ordered) - 1)))] if ordered else float("nan"),
        "max": ordered[-1] if ordered else float("nan"),
        "errors": len(errors),
        "stored": stored,
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--writers", type=int, default=100)
    parser.add_argument("--transactions", type=int, default=3, help="per writer")
    parser.add_argument("--hashers", type=int, default=2, help="threads hashing passwords meanwhile")
    parser.add_argument("--work-ms", type=float, default=1.0, help="Python work inside each transaction")
    parser.add_argument("--rounds", type=int, default=3, help="each strategy this many times, interleaved")
    parser.add_argument("--strategies", nargs="+", default=["off", "lock", "fifo", "single"])
    options = parser.parse_args()
    print(
        f"{os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f}; {options.writers} writers x "
        f"{options.transactions} transactions, {options.work_ms} ms of Python inside each, "
        f"{options.hashers} hashing threads"
    )
    print(f"{'strategy':<9}{'wall s':>8}{'txn/s':>8}{'p50 ms':>9}{'p99 ms':>9}{'max ms':>9}{'errors':>8}{'stored':>8}")
    results: dict[str, list[dict]] = {name: [] for name in options.strategies}
    for _ in range(options.rounds):
        for strategy in options.strategies:
            result = run(strategy, options.writers, options.transactions, options.hashers, options.work_ms / 1000)
            results[strategy].append(result)
            print(
                f"{strategy:<9}{result['wall']:>8.2f}{result['tps']:>8.0f}{result['p50'] * 1000:>9.1f}"
                f"{result['p99'] * 1000:>9.1f}{result['max'] * 1000:>9.1f}{result['errors']:>8}{result['stored']:>8}",
                flush=True,
            )
    print("median of the rounds:")
    for strategy, rows in results.items():
        median = {key: statistics.median(row[key] for row in rows) for key in ("wall", "tps", "p50", "p99", "max")}
        print(
            f"{strategy:<9}{median['wall']:>8.2f}{median['tps']:>8.0f}{median['p50'] * 1000:>9.1f}"
            f"{median['p99'] * 1000:>9.1f}{median['max'] * 1000:>9.1f}{sum(r['errors'] for r in rows):>8}"
        )


if __name__ == "__main__":
    main()
