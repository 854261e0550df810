"""On PostgreSQL, with two server processes and concurrent writers, a poller using only `after=`
sees every message exactly once and in order: seq 1..N with no gaps."""

import threading

import httpx
import pytest

from backend.testing.servers import auth, manage, postgres_database, project_env, server, sign_up

pytestmark = [pytest.mark.postgres, pytest.mark.slow]

WRITERS = 6
MESSAGES_PER_WRITER = 40


def test_concurrent_writers_on_two_servers_never_make_a_poller_skip(tmp_path):
    with postgres_database() as database_url:
        env = project_env(tmp_path, DATABASE_URL=database_url)
        manage(env, "migrate", "--noinput")
        with server(env, log=tmp_path / "a.log") as a, server(env, log=tmp_path / "b.log") as b:
            owner = auth(sign_up(a, "owner")[1])
            uri = httpx.post(f"{a}/api/chats/", headers=owner).json()["uri"]
            writers = [auth(sign_up(b, f"writer{i}")[1]) for i in range(WRITERS)]
            for headers in writers:
                httpx.post(f"{b}/api/chats/{uri}/members/", headers=headers).raise_for_status()

            total = WRITERS * MESSAGES_PER_WRITER
            seen: list[int] = []
            problems: list[str] = []
            done_writing = threading.Event()

            def write(i: int, headers: dict):
                with httpx.Client(headers=headers, timeout=30) as client:
                    for n in range(MESSAGES_PER_WRITER):
                        base = (a, b)[(i + n) % 2]  # every writer alternates between the two servers
                        response = client.post(f"{base}/api/chats/{uri}/messages/", json={"message": f"{i}:{n}"})
                        if response.status_code != 201:
                            problems.append(f"post {response.status_code}: {response.text}")

            def poll():
                after, etag, turn = 0, None, 0
                with httpx.Client(headers=owner, timeout=30) as client:
                    while len(seen) < total and not (done_writing.is_set() and turn > total * 4):
                        base = (a, b)[turn % 2]
                        turn += 1
                        headers = {"If-None-Match": etag} if etag else {}
                        response = client.get(f"{base}/api/chats/{uri}/messages/?after={after}", headers=headers)
                        if response.status_code == 304:
                            continue
                        page = response.json()["messages"]
                        for message in page:
                            if message["seq"] != after + 1:
                                problems.append(f"after={after} came seq {message['seq']}")
                            after = message["seq"]
                            seen.append(after)
                        etag = response.headers["ETag"]

            poller = threading.Thread(target=poll)
            threads = [threading.Thread(target=write, args=(i, h)) for i, h in enumerate(writers)]
            poller.start()
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join()
            done_writing.set()
            poller.join(timeout=60)

    assert problems == []
    assert seen == list(range(1, total + 1))
