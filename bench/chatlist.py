"""The chat list: its latency for a user in 200 chats and in a chat of 1,000 members, and its idle cost.

Run: `.venv/bin/python bench/chatlist.py` (needs Debian's `wrk`). A fresh SQLite database, one
uvicorn process as `make run` starts it; people, chats, memberships and messages are made directly
in the database. Latency is wrk with one connection (no queueing: the time of one list), for:
a user in 200 chats of 5 members with 20 messages each; the same with 200 messages each (the list
must not grow with history); a user whose one chat has 1,000 members and 1,000 messages; and a user
in one chat of 2 (the baseline the 1,000-member chat must stay near). Then the idle polls at
saturation (50 connections): the list with its current ETag (a 304 from the lean lane) against
the message poll with its current ETag (the idle-poll lane of bench/idle.py), spread over 100 people.
Last, in-process: the `chat` frames pushed to every member after a change, for the chat of 1,000
and for a chat of 5 (what the writer's thread spends after its commit).
"""

import argparse
import json
import os
import shutil
import sys
import tempfile
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from backend.testing.servers import manage, project_env, server
from bench.wrk import wrk, wrk_people

MAKE_DATA = """
import json, os
from django.contrib.auth import get_user_model
from django.utils import timezone
try:
    from backend.accounts.models import DeviceToken as Token  # one token per device (issue 16)
except ImportError:  # a checkout from before it (a benchmark's "before")
    from rest_framework.authtoken.models import Token
from backend.chat.models import ChatSession, Membership, Message
User = get_user_model()
history = int(os.environ["BENCH_HISTORY"])

def people(prefix, n):
    return User.objects.bulk_create(User(username=f"{prefix}{i}", password="!") for i in range(n))

def chat(owner, members, messages, title=""):
    session = ChatSession.objects.create(owner=owner, title=title, last_seq=messages, rev=messages)
    Membership.objects.bulk_create(Membership(session=session, user=u, last_read_seq=messages // 2) for u in members)
    Message.objects.bulk_create(
        Message(session=session, seq=s, rev=s, user=members[s % len(members)], text=f"message {s} @{owner.username}")
        for s in range(1, messages + 1)
    )
    return session

def token(user):
    return Token.objects.create(key=__import__("secrets").token_hex(20), user=user).key

out = {}
[many] = people("many", 1)
friends = people("friend", 4)
for i in range(200):
    chat(friends[0], [many, *friends], history, title=f"chat {i}")
out["200 chats"] = token(many)
[big_owner] = people("bigowner", 1)
crowd = people("crowd", 999)
big = chat(big_owner, [big_owner, *crowd], 1000)
out["1 chat of 1,000"] = token(crowd[0])
small = people("small", 2)
chat(small[0], [small[0], small[1]], history)
out["1 chat of 2"] = token(small[0])
pollers = people("poller", 100)
rooms = [chat(pollers[i], pollers[i:i + 10], 20) for i in range(0, 100, 10)]
out["pollers"] = [[rooms[i // 10].uri, token(p)] for i, p in enumerate(pollers)]
print(json.dumps(out))
"""

# The push after each change: every member's `chat` frame, in-process (median of 20).
TIME_PUSH = """
import json, time
from backend.chat.models import ChatSession
from backend.chat import chat_list
found = {}
for name, session in [("1,000 members", ChatSession.objects.filter(memberships__user__username="crowd0").get()),
                      ("5 members", ChatSession.objects.filter(title="chat 0").get())]:
    times = []
    for _ in range(23):
        start = time.perf_counter()
        chat_list.publish_summaries(session.pk)
        times.append((time.perf_counter() - start) * 1000)
    found[name] = round(sorted(times[3:])[10], 1)
print(json.dumps(found))
"""


def latency(base: str, token: str, seconds: int) -> dict:
    with httpx.Client(base_url=base) as client:
        response = client.get("/api/chats/", headers={"Authorization": f"Token {token}"})
        size = len(response.content)
        chats = len(response.json())
    result = wrk(base + "/api/chats/", headers={"Authorization": f"Token {token}"}, connections=1, seconds=seconds)
    return result | {"bytes": size, "chats": chats}


def idle(base: str, tmp: Path, rows: list[tuple[str, str, str]], *, seconds: int, connections: int) -> dict:
    return wrk_people(base, tmp / "idle.tsv", rows, connections=connections, seconds=seconds)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=5)
    parser.add_argument("--connections", type=int, default=50)
    options = parser.parse_args()
    if not shutil.which("wrk"):
        sys.exit("wrk is missing: apt-get install wrk")
    lists, polls = {}, {}
    for history in (20, 200):
        tmp = Path(tempfile.mkdtemp(prefix="mychat-chatlist-"))
        env = project_env(tmp)
        manage(env, "migrate", "--noinput")
        data = json.loads(
            manage({**env, "BENCH_HISTORY": str(history)}, "shell", "-c", MAKE_DATA).stdout.splitlines()[-1]
        )
        with server(env, log=tmp / "server.log") as base:
            for name in ("200 chats", "1 chat of 1,000", "1 chat of 2"):
                if history == 200 and name != "200 chats":
                    continue
                lists[f"{name}, {history if name != '1 chat of 1,000' else 1000} messages each"] = latency(
                    base, data[name], options.seconds
                )
            if history == 20:
                list_rows, message_rows = [], []
                with httpx.Client(base_url=base) as client:
                    for uri, token in data["pollers"]:
                        auth = {"Authorization": f"Token {token}"}
                        list_rows.append(
                            ("/api/chats/", token, client.get("/api/chats/", headers=auth).headers["ETag"])
                        )
                        path = f"/api/chats/{uri}/messages/?since=0&limit=100"
                        path = (
                            f"/api/chats/{uri}/messages/?since={client.get(path, headers=auth).json()['rev']}&limit=100"
                        )
                        message_rows.append((path, token, client.get(path, headers=auth).headers["ETag"]))
                for name, rows in (("message poll", message_rows), ("chat list poll", list_rows)):
                    polls[name] = idle(base, tmp, rows, seconds=options.seconds, connections=options.connections)
                pushes = json.loads(manage(env, "shell", "-c", TIME_PUSH).stdout.splitlines()[-1])
        shutil.rmtree(tmp, ignore_errors=True)

    print(f"SQLite, one uvicorn process, cores {os.cpu_count()}")
    print("GET /api/chats/, one connection:")
    for name, r in lists.items():
        print(
            f"  {name} ({r['chats']} in the list, {r['bytes'] / 1024:.1f} KB): p50 {r['p50_ms']} ms, "
            f"p90 {r['p90_ms']} ms, p99 {r['p99_ms']} ms, {r['rps']}/s, errors {r['errors']}"
        )
    print(f"Idle polls (304), {options.connections} connections, 100 people:")
    for name, r in polls.items():
        print(f"  {name}: {r['rps']}/s, p50 {r['p50_ms']} ms, p99 {r['p99_ms']} ms, errors {r['errors']}")
    ratio = polls["message poll"]["rps"] / max(polls["chat list poll"]["rps"], 1)
    print(f"  an idle list poll costs {ratio:.2f}x an idle message poll (throughput ratio)")
    print("The chat frames pushed after a change (in-process, median of 20):")
    for name, ms in pushes.items():
        print(f"  a chat of {name}: {ms} ms")


if __name__ == "__main__":
    main()
