"""On PostgreSQL, with two server processes and concurrent writers, a poller using only `after=`
sees every message exactly once and in order: seq 1..N with no gaps. Members joining and leaving
meanwhile (system messages, which take seqs and revs under the same lock) change nothing of that."""

import threading

import httpx
import pytest

from backend.testing.servers import auth, join_chat, manage, postgres_database, project_env, server, sign_up

pytestmark = [pytest.mark.postgres, pytest.mark.slow]

WRITERS = 6
MESSAGES_PER_WRITER = 40
CHURNERS = 2  # members who join with the invite code and leave again, over and over
CHURNS = 10


def churn(servers: tuple[str, str], uri: str, code: str, headers: dict, problems: list[str]) -> None:
    """Join and leave CHURNS times, alternating servers: 2 × CHURNS system messages."""
    with httpx.Client(headers=headers, timeout=30) as client:
        for n in range(CHURNS):
            joined = client.post(f"{servers[n % 2]}/api/chats/join/", json={"code": code})
            left = client.delete(f"{servers[(n + 1) % 2]}/api/chats/{uri}/members/me/")
            if (joined.status_code, left.status_code) != (201, 204):
                problems.append(f"join {joined.status_code}, leave {left.status_code}: {left.text}")


def test_concurrent_writers_on_two_servers_never_make_a_poller_skip(tmp_path):
    with postgres_database() as database_url:
        env = project_env(tmp_path, DATABASE_URL=database_url)
        manage(env, "migrate", "--noinput")
        with server(env, log=tmp_path / "a.log") as a, server(env, log=tmp_path / "b.log") as b:
            owner = auth(sign_up(a, "starter")[1])  # "owner" is a reserved name
            uri = httpx.post(f"{a}/api/chats/", headers=owner).json()["uri"]
            writers = [auth(sign_up(b, f"writer{i}")[1]) for i in range(WRITERS)]
            for headers in writers:
                join_chat(b, uri, owner=owner, joiner=headers)
            code = httpx.get(f"{a}/api/chats/{uri}/", headers=owner).json()["invite"]["code"]
            churners = [auth(sign_up(a, f"churner{i}")[1]) for i in range(CHURNERS)]

            total = WRITERS + WRITERS * MESSAGES_PER_WRITER + CHURNERS * CHURNS * 2
            kinds: list[str] = []
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
                            kinds.append(message["event"]["type"] if message["event"] else "text")
                        etag = response.headers["ETag"]

            poller = threading.Thread(target=poll)
            threads = [threading.Thread(target=write, args=(i, h)) for i, h in enumerate(writers)]
            threads += [threading.Thread(target=churn, args=((a, b), uri, code, h, problems)) for h in churners]
            poller.start()
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join()
            done_writing.set()
            poller.join(timeout=60)

    assert problems == []
    assert seen == list(range(1, total + 1))
    assert kinds.count("text") == WRITERS * MESSAGES_PER_WRITER
    assert kinds.count("leave") == CHURNERS * CHURNS and kinds.count("join") == WRITERS + CHURNERS * CHURNS


EDITORS = 4
POSTS_PER_EDITOR = 20


def test_a_since_poller_ends_with_every_edit_and_reaction_of_concurrent_writers(tmp_path):
    """Writers on two servers post, edit and react at once, while others join and leave; a poller
    on `since=<rev>` alone must see revs only go up and end with exactly the server's final state
    of every message."""
    with postgres_database() as database_url:
        env = project_env(tmp_path, DATABASE_URL=database_url)
        manage(env, "migrate", "--noinput")
        with server(env, log=tmp_path / "a.log") as a, server(env, log=tmp_path / "b.log") as b:
            owner = auth(sign_up(a, "starter")[1])  # "owner" is a reserved name
            uri = httpx.post(f"{a}/api/chats/", headers=owner).json()["uri"]
            writers = [auth(sign_up(b, f"editor{i}")[1]) for i in range(EDITORS)]
            for headers in writers:
                join_chat(b, uri, owner=owner, joiner=headers)
            code = httpx.get(f"{a}/api/chats/{uri}/", headers=owner).json()["invite"]["code"]
            churners = [auth(sign_up(a, f"churner{i}")[1]) for i in range(CHURNERS)]

            state: dict[int, dict] = {}
            problems: list[str] = []
            done_writing = threading.Event()

            def write(i: int, headers: dict):
                mine: list[int] = []
                with httpx.Client(headers=headers, timeout=30) as client:
                    for n in range(POSTS_PER_EDITOR):
                        base = (a, b)[(i + n) % 2]
                        messages = f"{base}/api/chats/{uri}/messages/"
                        posted = client.post(messages, json={"message": f"{i}:{n}"})
                        if posted.status_code != 201:
                            problems.append(f"post {posted.status_code}: {posted.text}")
                            continue
                        mine.append(posted.json()["seq"])
                        calls = [
                            client.patch(f"{messages}{mine[n // 2]}/", json={"message": f"{i}:{n // 2} edited at {n}"}),
                            # (on one's own recent messages: the others' seqs around it may be joins)
                            client.put(f"{messages}{mine[max(0, len(mine) - 1 - n % 3)]}/reactions/%F0%9F%91%8D/"),
                        ]
                        if n % 5 == 4:
                            calls.append(client.delete(f"{messages}{mine[n - 1]}/"))
                        # 409: the edit or reaction came after that message's deletion, as it may.
                        problems.extend(
                            f"{r.request.method} {r.status_code}: {r.text}"
                            for r in calls
                            if r.is_error and r.status_code != 409
                        )

            def poll():
                since, turn, quiet = 0, 0, False
                with httpx.Client(headers=owner, timeout=30) as client:
                    while not (done_writing.is_set() and quiet):
                        base = (a, b)[turn % 2]
                        turn += 1
                        page = client.get(f"{base}/api/chats/{uri}/messages/?since={since}&limit=50").json()
                        revs = [message["rev"] for message in page["messages"]]
                        if revs != sorted(revs) or (revs and revs[0] <= since):
                            problems.append(f"since={since} gave revs {revs}")
                        for message in page["messages"]:
                            state[message["seq"]] = message
                        quiet = page["rev"] == since and not page["has_more"]
                        since = page["rev"]

            poller = threading.Thread(target=poll)
            threads = [threading.Thread(target=write, args=(i, h)) for i, h in enumerate(writers)]
            threads += [threading.Thread(target=churn, args=((a, b), uri, code, h, problems)) for h in churners]
            poller.start()
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join()
            done_writing.set()
            poller.join(timeout=120)

            final: dict[int, dict] = {}
            after = 0
            while page := httpx.get(f"{a}/api/chats/{uri}/messages/?after={after}", headers=owner).json()["messages"]:
                final.update((message["seq"], message) for message in page)
                after = page[-1]["seq"]

    assert problems == []
    assert len(final) == EDITORS + EDITORS * POSTS_PER_EDITOR + CHURNERS * CHURNS * 2
    assert sum(message["kind"] == "system" for message in final.values()) == EDITORS + CHURNERS * CHURNS * 2
    assert state == final
    assert any(message["deleted"] for message in final.values())
    assert any(message["edited_at"] for message in final.values())
    assert any(message["reactions"] for message in final.values())
