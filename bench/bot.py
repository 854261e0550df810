"""Bot benchmarks: "/" POST vs plain POST latency, ingest throughput, and /ask on 10,000 passages.

    .venv/bin/python bench/bot.py [--passages 10000] [--queries 300] [--posts 300]

The knowledge base is the evaluation corpus (real manuals in English, Chinese, Japanese and Korean, with
their translations) copied until it has --passages passages, and the questions are the evaluation's, so
the per-language analyzers, the translation alignment and the lexicon are all measured.

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


EVALUATION = ROOT / "backend" / "autoreply" / "tests" / "evaluation"


def write_corpus(folder: Path, copies: int) -> None:
    """Copies of the evaluation corpus, each in a folder of its own (so each copy's translations align)."""
    import shutil

    for number in range(copies):
        shutil.copytree(
            EVALUATION / "corpus",
            folder / f"copy{number:03d}",
            ignore=shutil.ignore_patterns("*.md", "*.txt"),
            dirs_exist_ok=True,
        )


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
    from rest_framework.test import APIClient

    from backend.accounts.models import DeviceToken as Token
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

    # 2. Ingest throughput (the analyzers are loaded first: a server does that once).
    from backend.autoreply.tests.evaluation.questions import DEV, HELD_OUT_V1, HELD_OUT_V2, HELD_OUT_V3, HELD_OUT_V4
    from preproc import warm_up

    warm_up()
    corpus = workdir / "corpus"
    corpus.mkdir()
    write_corpus(corpus, 1)
    started = time.perf_counter()
    report = ingest_paths(paths=[corpus])
    per_copy = report.passages
    write_corpus(corpus, max(1, -(-args.passages // per_copy)))
    report = ingest_paths(paths=[corpus])
    report.passages += per_copy
    seconds = time.perf_counter() - started
    rows.append(
        ("ingest", f"{report.passages} passages in {seconds:.1f} s = {report.passages / seconds:.0f} passages/s")
    )
    started = time.perf_counter()
    again = ingest_paths(paths=[corpus])
    rows.append(
        ("ingest again (all unchanged)", f"{len(again.unchanged)} files in {time.perf_counter() - started:.2f} s")
    )

    # 3. Ranking: index build once, then the evaluation's questions (five languages, a quarter unanswerable).
    from backend.autoreply.index import build_bridges, current_index
    from preproc.dictionaries import Bridges, english, korean_reading

    started = time.perf_counter()
    index = current_index()
    rows.append(
        (
            "index build (first query after a change)",
            f"{(time.perf_counter() - started) * 1000:.0f} ms ({index.size} passages, "
            f"{len(index.translations)} with a translation, lexicon of {len(index.lexicon)} words)",
        )
    )
    english.cache_clear()  # as in a new process: every word looked up again
    korean_reading.cache_clear()
    started = time.perf_counter()
    bridges = build_bridges(index)
    rows.append(
        (
            "of which the dictionaries' bridges (looked up afresh)",
            f"{(time.perf_counter() - started) * 1000:.0f} ms ({len(index.vocabulary)} words, "
            f"{len(bridges.from_english)} English words reach another language)",
        )
    )
    questions = [q.text for q in DEV + HELD_OUT_V1 + HELD_OUT_V2 + HELD_OUT_V3 + HELD_OUT_V4]
    rank_ms, ask_ms, plain_ms = [], [], []
    for n in range(args.queries):
        query = questions[n % len(questions)]
        started = time.perf_counter()
        ranking.find_answer(query)
        rank_ms.append((time.perf_counter() - started) * 1000)
        started = time.perf_counter()
        answer(f"/ask {query}")
        ask_ms.append((time.perf_counter() - started) * 1000)
        index.bridges = Bridges({})  # the same question without the dictionaries, for the ratio
        started = time.perf_counter()
        ranking.find_answer(query)
        plain_ms.append((time.perf_counter() - started) * 1000)
        index.bridges = bridges
    rows.append(
        (
            f"finding the answer (analyse, score, abstain), {index.size} passages",
            f"p50 {statistics.median(rank_ms):.1f} ms, p95 {percentile(rank_ms, 0.95):.1f} ms",
        )
    )
    rows.append(
        (
            "the same without the dictionaries",
            f"p50 {statistics.median(plain_ms):.1f} ms, p95 {percentile(plain_ms, 0.95):.1f} ms",
        )
    )
    rows.append(
        (
            "whole /ask answer (find + load + trim + format)",
            f"p50 {statistics.median(ask_ms):.1f} ms, p95 {percentile(ask_ms, 0.95):.1f} ms",
        )
    )

    print(f"| measure ({django.db.connection.vendor}, {os.cpu_count()} CPUs) | result |\n|---|---|")
    for label, value in rows:
        print(f"| {label} | {value} |")


if __name__ == "__main__":
    main()
