"""Real processes: a worker killed with SIGKILL mid-job, two workers on PostgreSQL, the embedded worker."""

import subprocess
import sys

import httpx
import pytest

from backend.testing.servers import free_port

from .processes import ROOT, postgres_database, sqlite_database, stop, wait_until

pytestmark = pytest.mark.slow

JOB_STATUS = "SELECT status FROM autoreply_botjob"
BOT_REPLIES = "SELECT text FROM chat_message WHERE is_bot ORDER BY id"


def test_a_job_resumes_after_its_worker_is_killed(tmp_path):
    with sqlite_database(tmp_path) as db:
        db.migrate()
        db.post("/slow 2")
        first = db.start_worker()
        try:
            wait_until(lambda: db.query(JOB_STATUS) == [("running",)], message="the first worker to start the job")
        finally:
            first.kill()  # SIGKILL: no cleanup, the lease stays behind
            first.wait()
            first.stdout.close()
        assert db.query(BOT_REPLIES) == []
        second = db.start_worker()
        try:
            wait_until(lambda: db.query(JOB_STATUS) == [("done",)], message="the job to be resumed")
        finally:
            stop(second)
        assert db.query(BOT_REPLIES) == [("slept 2",)]
        assert db.scalar("SELECT attempts FROM autoreply_botjob") == 2


@pytest.mark.postgres
def test_two_workers_on_postgresql_answer_each_message_exactly_once():
    with postgres_database() as db:
        db.migrate()
        workers = [db.start_worker(), db.start_worker()]
        try:
            db.post(*[f"/slow 0.{n % 3 + 1}" for n in range(20)])
            wait_until(
                lambda: db.scalar("SELECT count(*) FROM autoreply_botjob WHERE status = 'done'") == 20,
                timeout=60,
                message="20 answered jobs",
            )
        finally:
            for worker in workers:
                stop(worker)
        assert db.scalar("SELECT count(*) FROM chat_message WHERE is_bot") == 20
        assert db.query("SELECT DISTINCT attempts FROM autoreply_botjob") == [(1,)]  # never claimed twice
        # Every "/" message has its own reply, right after it or later, never two.
        assert db.scalar("SELECT count(DISTINCT reply_id) FROM autoreply_botjob") == 20
        assert db.scalar("SELECT count(DISTINCT claimed_by) FROM autoreply_botjob") == 2  # both took work


def test_the_server_process_answers_with_its_embedded_worker(tmp_path):
    """What `make run` does: uvicorn's lifespan event starts the worker; a "/" POST gets its reply."""
    with sqlite_database(tmp_path) as db:
        db.migrate()
        port = free_port()
        env = db.env(MYCHAT_BOT_POLL_SECONDS="30")  # so the reply below proves the on-commit wake-up
        server = subprocess.Popen(
            [sys.executable, "-m", "uvicorn", "backend.asgi:application", "--port", str(port), "--lifespan", "on"],
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            base = f"http://127.0.0.1:{port}"

            def up():
                try:
                    return httpx.get(f"{base}/healthz").status_code == 200
                except httpx.TransportError:
                    return False

            wait_until(up, message="the server to start")
            user = {"username": "carol", "password": "a long enough passphrase 42"}
            assert httpx.post(f"{base}/auth/users/", json=user).status_code == 201
            token = httpx.post(f"{base}/auth/token/login/", json=user).json()["auth_token"]
            api = httpx.Client(base_url=base, headers={"Authorization": f"Token {token}"})
            uri = api.post("/api/chats/", json={}).json()["uri"]
            assert api.post(f"/api/chats/{uri}/messages/", json={"message": "/roll 3d1"}).status_code == 201

            def replies():
                return [m for m in api.get(f"/api/chats/{uri}/messages/").json()["messages"] if m["is_bot"]]

            wait_until(replies, timeout=10, message="the bot's reply")
            [reply] = replies()
            assert (reply["user"]["username"], reply["message"], reply["seq"]) == ("hubot", "1 + 1 + 1 = 3", 2)
        finally:
            stop(server)
