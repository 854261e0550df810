"""Helpers for tests that run real server and worker processes on a throwaway database."""
import json
import os
import sqlite3
import subprocess
import sys
import time
import uuid
from contextlib import contextmanager
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]
PG = {"host": "127.0.0.1", "port": 5432, "user": "postgres"}

POST_SCRIPT = """
import json, sys, django
django.setup()
from django.contrib.auth import get_user_model
from backend.chat.services import message_create, session_create
user, _ = get_user_model().objects.get_or_create(username="alice")
session = session_create(owner=user, title="t")
for text in json.loads(sys.argv[1]):
    message_create(session=session, user=user, text=text)
"""


class Database:
    """A throwaway database the test reads with plain SQL while subprocesses use it via Django."""

    def __init__(self, url: str, connect):
        self.url = url
        self._connect = connect

    def query(self, sql: str) -> list[tuple]:
        connection = self._connect()
        try:
            cursor = connection.cursor()
            cursor.execute(sql)
            return cursor.fetchall()
        finally:
            connection.close()

    def scalar(self, sql: str):
        return self.query(sql)[0][0]

    def env(self, **extra: str) -> dict[str, str]:
        env = dict(os.environ)
        env.update(
            DATABASE_URL=self.url,
            DJANGO_SETTINGS_MODULE="backend.settings",
            PYTHONUNBUFFERED="1",
            MYCHAT_BOT_COMMAND_MODULES="backend.autoreply.tests.slow_commands",
            MYCHAT_BOT_LEASE_SECONDS="1",
            MYCHAT_BOT_POLL_SECONDS="0.1",
            MYCHAT_RATE_LIMITS="0",
        )
        env.update(extra)
        return env

    def migrate(self) -> None:
        run([sys.executable, "manage.py", "migrate", "--noinput", "-v0"], env=self.env())

    def post(self, *texts: str) -> None:
        """Alice posts the texts in a new session, through message_create (the hook included)."""
        run([sys.executable, "-c", POST_SCRIPT, json.dumps(list(texts))], env=self.env())

    def start_worker(self) -> subprocess.Popen:
        process = subprocess.Popen(
            [sys.executable, "manage.py", "runbot"], cwd=ROOT, env=self.env(), stdout=subprocess.PIPE, text=True
        )
        assert "running" in process.stdout.readline()
        return process


def run(args, env) -> str:
    result = subprocess.run(args, cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr[-3000:]
    return result.stdout


def wait_until(condition, timeout: float = 30, message: str = "condition") -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {message}")
        time.sleep(0.05)


def stop(process: subprocess.Popen) -> None:
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
    if process.stdout:
        process.stdout.close()


@contextmanager
def sqlite_database(folder: Path):
    path = folder / "bot.sqlite3"
    yield Database(f"sqlite:///{path}", lambda: sqlite3.connect(path, timeout=20))


@contextmanager
def postgres_database():
    """A database with a unique name on the local PostgreSQL, dropped afterwards."""
    import psycopg

    try:
        admin = psycopg.connect(dbname="postgres", autocommit=True, connect_timeout=3, **PG)
    except psycopg.OperationalError as exc:
        if os.environ.get("CI"):
            pytest.fail(f"PostgreSQL at 127.0.0.1:5432 is required when CI is set: {exc}")
        pytest.skip(f"PostgreSQL at 127.0.0.1:5432 is unreachable: {exc}")
    name = f"mychat_bot_test_{uuid.uuid4().hex[:12]}"
    admin.execute(f'CREATE DATABASE "{name}"')
    try:
        yield Database(
            f"postgres://postgres@127.0.0.1:5432/{name}", lambda: psycopg.connect(dbname=name, autocommit=True, **PG)
        )
    finally:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.close()
