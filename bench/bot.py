"""Bot benchmarks: "/" POST vs plain POST latency, ingest throughput, and /ask ranking on 10,000 passages.

    .venv/bin/python bench/bot.py [--passages 10000] [--queries 300] [--posts 300]

Runs on a throwaway SQLite (WAL) database in a temporary folder, or on DATABASE_URL if given
(use a throwaway database: the bench writes to it). Prints a Markdown table.
"""

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def percentile(samples: list[float], q: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


def words(rng: random.Random, count: int) -> list[str]:
    syllables = ["ka", "lo", "mi", "ren", "sa", "tor", "vi", "ne", "qu", "bal", "dor", "fin", "gar", "hu", "jel"]
    vocabulary = sorted({"".join(rng.choices(syllables, k=rng.randint(2, 4))) for _ in range(count)})
    return vocabulary


def write_corpus(folder: Path, passages: int, rng: random.Random) -> list[str]:
    """Files of 50 passages each: English-like pseudo-words (Zipf-ish) and one passage in five Chinese."""
    vocabulary = words(rng, 8000)
    weights = [1 / (rank + 1) for rank in range(len(vocabulary))]
    hanzi = [chr(c) for c in range(0x4E00, 0x4E00 + 2500)]
    per_file = 50
    for file_number in range(passages // per_file):
        sections = []
        for n in range(per_file):
            if n % 5 == 4:
                text = "".join(
                    "".join(rng.choices(hanzi, k=rng.randint(8, 20))) + "。" for _ in range(rng.randint(5, 9))
                )
            else:
                text = " ".join(
                    " ".join(rng.choices(vocabulary, weights, k=rng.randint(8, 16))).capitalize() + "."
                    for _ in range(rng.randint(3, 6))
                )
            sections.append(f"## Section {n}\n\n{text}")
        (folder / f"doc{file_number:04d}.md").write_text(f"# Document {file_number}\n\n" + "\n\n".join(sections))
    return vocabulary


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--passages", type=int, default=10000)
    parser.add_argument("--queries", type=int, default=300)
    parser.add_argument("--posts", type=int, default=300)
    args = parser.parse_args()

    workdir = Path(tempfile.mkdtemp(prefix="mychat-bench-bot-"))
    os.environ.setdefault("DATABASE_URL", f"sqlite:///{workdir / 'bench.sqlite3'}")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "backend.settings")
    os.environ["MYCHAT_RATE_LIMITS"] = "0"
    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.core.management import call_command
    from rest_framework.authtoken.models import Token
    from rest_framework.test import APIClient

    from backend.autoreply import ranking
    from backend.autoreply.ingest import ingest_paths
    from backend.autoreply.models import BotJob
    from backend.autoreply.registry import answer
    from backend.autoreply.worker import Worker

    call_command("migrate", verbosity=0)
    rng = random.Random(42)
    rows = []

    # 1. POST latency, with the embedded worker answering in the background as in `make run`.
    user = get_user_model().objects.create_user(username=f"bench{rng.randint(0, 10**9)}")
    client = APIClient(SERVER_NAME="localhost")
    client.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.create(user=user).key}")
    uri = client.post("/api/chats/", {}, format="json").json()["uri"]
    worker = Worker().start_thread()
    timings: dict[str, list[float]] = {"plain": [], "slash": []}
    for n in range(args.posts * 2):
        kind = "plain" if n % 2 else "slash"
        text = f"hello number {n}" if kind == "plain" else "/roll 2d6"
        started = time.perf_counter()
        response = client.post(f"/api/chats/{uri}/messages/", {"message": text}, format="json")
        timings[kind].append((time.perf_counter() - started) * 1000)
        assert response.status_code == 201, response.content
    deadline = time.monotonic() + 60
    while BotJob.objects.exclude(status="done").exists() and time.monotonic() < deadline:
        time.sleep(0.05)
    worker.stop()
    for kind, label in (("plain", "POST plain message"), ("slash", 'POST "/roll 2d6" (reply by the worker)')):
        rows.append(
            (label, f"p50 {statistics.median(timings[kind]):.1f} ms, p95 {percentile(timings[kind], 0.95):.1f} ms")
        )
    rows.append(("bot replies posted", f"{BotJob.objects.filter(status='done').count()} of {args.posts}"))

    # 2. Ingest throughput.
    corpus = workdir / "corpus"
    corpus.mkdir()
    vocabulary = write_corpus(corpus, args.passages, rng)
    started = time.perf_counter()
    report = ingest_paths(paths=[corpus])
    seconds = time.perf_counter() - started
    rows.append(
        ("ingest", f"{report.passages} passages in {seconds:.1f} s = {report.passages / seconds:.0f} passages/s")
    )
    started = time.perf_counter()
    again = ingest_paths(paths=[corpus])
    rows.append(
        ("ingest again (all unchanged)", f"{len(again.unchanged)} files in {time.perf_counter() - started:.2f} s")
    )

    # 3. Ranking: index build once, then queries of 2-5 words (one in five Chinese).
    started = time.perf_counter()
    ranking.current_index()
    rows.append(("index build (first query after a change)", f"{(time.perf_counter() - started) * 1000:.0f} ms"))
    hanzi = [chr(c) for c in range(0x4E00, 0x4E00 + 2500)]
    rank_ms, ask_ms = [], []
    for n in range(args.queries):
        if n % 5 == 4:
            query = "".join(rng.choices(hanzi, k=6))
        else:
            query = " ".join(rng.choices(vocabulary[:3000], k=rng.randint(2, 5)))
        started = time.perf_counter()
        ranking.rank(query, k=3)
        rank_ms.append((time.perf_counter() - started) * 1000)
        started = time.perf_counter()
        answer(f"/ask {query}")
        ask_ms.append((time.perf_counter() - started) * 1000)
    rows.append(
        (
            f"ranking, {report.passages} passages",
            f"p50 {statistics.median(rank_ms):.1f} ms, p95 {percentile(rank_ms, 0.95):.1f} ms",
        )
    )
    rows.append(
        (
            "whole /ask answer (rank + load + trim)",
            f"p50 {statistics.median(ask_ms):.1f} ms, p95 {percentile(ask_ms, 0.95):.1f} ms",
        )
    )

    print(f"| measure ({django.db.connection.vendor}, {os.cpu_count()} CPUs) | result |\n|---|---|")
    for label, value in rows:
        print(f"| {label} | {value} |")


if __name__ == "__main__":
    main()
