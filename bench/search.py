"""Benchmark of search: latency over 100,000 messages in 50 chats (English and CJK queries) and
what keeping the index in step costs a message POST, on SQLite and on PostgreSQL.

Run: `.venv/bin/python bench/search.py` (both databases; PostgreSQL at 127.0.0.1:5432, a
throwaway database) or `--database sqlite|postgres`. In-process: the search is the real view
(`GET /api/search/` through Django and DRF, token auth included) without an HTTP server, so the
figures are the database and the view, not the network. The POST overhead compares posting with
the index (SQLite: the FTS5 triggers; PostgreSQL: the trigram GIN index) and without it, in
alternating rounds within one run (the machine is shared and noisy).
"""

import argparse
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

MESSAGES = 100_000
CHATS = 50
PEOPLE = 20
REPEATS = 40  # searches per query and person
POST_ROUNDS = 10
POSTS_PER_ROUND = 150

ENGLISH = (
    "the a to and of in is it for on that we this with be at you can have are from will about what when "
    "lunch review deploy build ticket release design notes plan coffee tomorrow today friday budget team "
    "client bug fix server database test slides draft call agenda update weekly sprint demo"
).split()
CHINESE = list("我们今天明天开会讨论项目进度问题时间地点安排报告客户需求测试上线版本午饭咖啡周五预算")
JAPANESE = list("今日明日会議資料確認予定時間場所連絡報告お願いしますありがとうございます")
KOREAN = "오늘 내일 회의 자료 확인 일정 시간 장소 연락 보고 부탁 감사 합니다 점심 커피".split()

# (label, query, about how often its words were planted)
QUERIES = [
    ("English, common", "meeting"),
    ("English, two words", "meeting room"),
    ("English, rare", "zeppelin"),
    ("English, phrase", '"quarterly budget"'),
    ("Chinese, 3 characters", "会议室"),
    ("Chinese, 2 characters", "三楼"),
    ("Japanese, 2 characters", "会議"),
    ("Korean, 3 syllables", "회의실"),
    ("with from:", "meeting from:@person3"),
    ("absent", "xylophonist"),
    ("absent, 2 characters", "鲸鱼"),  # the worst case: the short-term fallback reads every message
]
PLANTED = [  # (probability, text): the words the queries find
    (0.05, "meeting"),
    (0.02, "meeting room"),
    (0.0002, "zeppelin"),
    (0.005, "quarterly budget"),
    (0.02, "会议室"),
    (0.01, "在三楼"),
    (0.01, "会議"),
    (0.01, "회의실"),
]


def sentence(rng: random.Random) -> str:
    language = rng.random()
    if language < 0.55:
        words = rng.choices(ENGLISH, k=rng.randint(4, 18))
        text = " ".join(words)
    elif language < 0.75:
        text = "".join(rng.choices(CHINESE, k=rng.randint(6, 30)))
    elif language < 0.9:
        text = "".join(rng.choices(JAPANESE, k=rng.randint(6, 30)))
    else:
        text = " ".join(rng.choices(KOREAN, k=rng.randint(3, 10)))
    for probability, planted in PLANTED:
        if rng.random() < probability:
            text = f"{text} {planted}"
    return text


def fill(rng: random.Random):
    """PEOPLE people; person0 in every chat, the others in 5 to 15 each; MESSAGES messages."""
    from django.contrib.auth import get_user_model
    from django.db import transaction
    from django.utils import timezone

    from backend.chat.models import ChatSession, Membership, Message

    users = [get_user_model().objects.create_user(username=f"person{i}", password="x" * 20) for i in range(PEOPLE)]
    chats = [ChatSession.objects.create(owner=users[0], title=f"Chat {i}") for i in range(CHATS)]
    members = {chat.pk: [users[0]] for chat in chats}
    for user in users[1:]:
        for chat in rng.sample(chats, rng.randint(5, 15)):
            members[chat.pk].append(user)
    Membership.objects.bulk_create(
        [Membership(session_id=chat_id, user=user) for chat_id, people in members.items() for user in people]
    )
    start = timezone.now() - timezone.timedelta(days=365)
    seqs = {chat.pk: 0 for chat in chats}
    batch = []
    for n in range(MESSAGES):
        chat = rng.choice(chats)
        seqs[chat.pk] += 1
        batch.append(
            Message(
                session=chat,
                seq=seqs[chat.pk],
                rev=seqs[chat.pk],
                user=rng.choice(members[chat.pk]),
                text=sentence(rng),
                created_at=start + timezone.timedelta(seconds=n * 300),
            )
        )
        if len(batch) == 5000:
            with transaction.atomic():
                Message.objects.bulk_create(batch)
            batch = []
    with transaction.atomic():
        Message.objects.bulk_create(batch)
    for chat in chats:
        ChatSession.objects.filter(pk=chat.pk).update(last_seq=seqs[chat.pk], rev=seqs[chat.pk])
    return users, chats


def percentile(values: list[float], p: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]


def search_latencies(users) -> list[tuple]:
    from backend.testing.api import signed_in

    rows = []
    for who, user in (("in all 50 chats", users[0]), ("in 5-15 chats", users[1])):
        client = signed_in(user)
        for label, query in QUERIES:
            times, found = [], 0
            client.get("/api/search/", {"q": query})  # warm: the figures are of the steady state
            for _ in range(REPEATS):
                began = time.perf_counter()
                response = client.get("/api/search/", {"q": query})
                times.append((time.perf_counter() - began) * 1000)
                assert response.status_code == 200, response.content
                found = len(response.json()["results"])
            rows.append((who, label, query, found, statistics.median(times), percentile(times, 95)))
    return rows


def index_switch(on: bool) -> None:
    """Takes the index away (the triggers, or the GIN index) or puts it back, for the POST comparison."""
    import importlib

    from django.db import connection

    initial = importlib.import_module("backend.search.migrations.0001_initial")

    statements = {
        ("sqlite", True): initial.SQLITE_FORWARDS[1:4],
        ("sqlite", False): initial.SQLITE_BACKWARDS[:3],
        ("postgresql", True): initial.POSTGRES_FORWARDS,
        ("postgresql", False): initial.POSTGRES_BACKWARDS,
    }[(connection.vendor, on)]
    with connection.cursor() as cursor:
        for statement in statements:
            cursor.execute(statement)


def post_overhead(users, chats) -> tuple[float, float]:
    """Median ms per POST with and without the index, over alternating rounds."""
    from backend.testing.api import post_message, signed_in

    client = signed_in(users[0])
    with_index, without = [], []
    current = True  # as migrated
    for round_ in range(POST_ROUNDS):
        indexed = round_ % 2 == 0
        if indexed != current:
            index_switch(indexed)
            current = indexed
        for n in range(POSTS_PER_ROUND):
            text = f"post {round_}-{n}: meeting about 会议室 and the budget"
            began = time.perf_counter()
            response = post_message(client, chats[n % CHATS].uri, text)
            (with_index if indexed else without).append((time.perf_counter() - began) * 1000)
            assert response.status_code == 201, response.content
    if not current:
        index_switch(True)
    return statistics.median(with_index), statistics.median(without)


def run(database: str) -> None:
    from backend.testing.servers import postgres_database

    tmp = Path(tempfile.mkdtemp(prefix="mychat-bench-search-"))
    os.environ.update(MYCHAT_VAR_DIR=str(tmp), MYCHAT_RATE_LIMITS="0", DJANGO_SETTINGS_MODULE="backend.settings")
    if database == "postgres":
        with postgres_database("mychat_bench_search") as url:
            os.environ["DATABASE_URL"] = url
            measure(database)
    else:
        os.environ.pop("DATABASE_URL", None)
        measure(database)


def measure(database: str) -> None:
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection

    settings.ALLOWED_HOSTS = ["*"]
    call_command("migrate", verbosity=0)
    rng = random.Random(14)
    began = time.perf_counter()
    users, chats = fill(rng)
    filled = time.perf_counter() - began
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")  # as the database would have done by itself after such a load
    print(f"\n## {database}: {MESSAGES:,} messages in {CHATS} chats, filled in {filled:.0f} s\n")
    print("| person | query | | results | p50 ms | p95 ms |")
    print("|---|---|---|---:|---:|---:|")
    for who, label, query, found, p50, p95 in search_latencies(users):
        print(f"| {who} | {label} | `{query}` | {found} | {p50:.1f} | {p95:.1f} |")
    with_index, without = post_overhead(users, chats)
    print(
        f"\nPOST /messages/ (median of {POST_ROUNDS // 2 * POSTS_PER_ROUND} each): "
        f"{with_index:.2f} ms with the index, {without:.2f} ms without: "
        f"{(with_index / without - 1) * 100:+.0f} %"
    )
    connection.close()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database", choices=["sqlite", "postgres"], help="one of them (default: both)")
    options = parser.parse_args()
    if options.database:
        run(options.database)
        return
    for database in ("sqlite", "postgres"):  # each in a process of its own: Django is set up once
        subprocess.run([sys.executable, __file__, "--database", database], check=True)


if __name__ == "__main__":
    main()
