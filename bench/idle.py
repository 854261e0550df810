"""Idle polls at saturation: 1,000 people in 100 chats, every poll a 304 from the lean lane.

Run: `.venv/bin/python bench/idle.py` (needs Debian's `wrk`). A fresh SQLite database, one
uvicorn process as `make run` starts it; people, chats and tokens are made directly in the
database (signing up a thousand people over HTTP would measure password hashing). wrk sends
every request as another person polling their chat, with their current ETag. The same run is
repeated with uvicorn's access log on (a line per request, as `make run` had it before) to show
what that costs.
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
from bench.wrk import wrk_people

MAKE_PEOPLE = """
import json, os
from django.contrib.auth import get_user_model
try:
    from backend.accounts.models import DeviceToken as Token  # one token per device (issue 16)
except ImportError:  # a checkout from before it (a benchmark's "before")
    from rest_framework.authtoken.models import Token
from backend.chat.models import ChatSession, Membership
people, chats = int(os.environ["BENCH_PEOPLE"]), int(os.environ["BENCH_CHATS"])
User = get_user_model()
users = User.objects.bulk_create(User(username=f"person{i}", password="!") for i in range(people))
sessions = [ChatSession.objects.create(owner=users[i], title=f"chat {i}") for i in range(chats)]
Membership.objects.bulk_create(Membership(session=sessions[i % chats], user=u) for i, u in enumerate(users))
tokens = Token.objects.bulk_create(Token(key=__import__("secrets").token_hex(20), user=u) for u in users)
print(json.dumps([[sessions[i % chats].uri, t.key] for i, t in enumerate(tokens)]))
"""


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, default=1000)
    parser.add_argument("--chats", type=int, default=100)
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--connections", type=int, default=50)
    options = parser.parse_args()
    if not shutil.which("wrk"):
        sys.exit("wrk is missing: apt-get install wrk")
    rows = []
    for access_log in (False, True):
        tmp = Path(tempfile.mkdtemp(prefix="mychat-idle-"))
        env = project_env(tmp)
        manage(env, "migrate", "--noinput")
        counts = {"BENCH_PEOPLE": str(options.people), "BENCH_CHATS": str(options.chats)}
        people = json.loads(manage({**env, **counts}, "shell", "-c", MAKE_PEOPLE).stdout.splitlines()[-1])
        with server(env, log=tmp / "server.log", access_log=access_log) as base:
            polls = []
            with httpx.Client(base_url=base) as client:
                for uri, token in people:
                    path = f"/api/chats/{uri}/messages/?since=0&limit=100"
                    page = client.get(path, headers={"Authorization": f"Token {token}"})
                    path = f"/api/chats/{uri}/messages/?since={page.json()['rev']}&limit=100"
                    etag = client.get(path, headers={"Authorization": f"Token {token}"}).headers["ETag"]
                    polls.append((path, token, etag))
            table = tmp / "people.tsv"
            result = wrk_people(base, table, polls, connections=options.connections, seconds=options.seconds)
        rows.append((access_log, result))
        shutil.rmtree(tmp, ignore_errors=True)

    print(
        f"{options.people} people in {options.chats} chats, {options.connections} connections, cores {os.cpu_count()}"
    )
    for access_log, r in rows:
        name = "uvicorn access log on (make run before)" if access_log else "make run as shipped"
        print(
            f"{name}: {r['rps']} idle polls/s, p50 {r['p50_ms']} ms, p99 {r['p99_ms']} ms, "
            f"errors {r['errors']}, wrk CPU {r['load_cpu_percent']}% of a core"
        )


if __name__ == "__main__":
    main()
