"""Helpers for tests that run real server and worker processes on a throwaway database."""

import json
import os
import sqlite3
import subprocess
import sys
from contextlib import contextmanager
from pathlib import Path

import psycopg

from backend.testing import servers as testing

ROOT = testing.ROOT
wait_until = testing.wait_until

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


def stop(process: subprocess.Popen) -> None:
    testing.stop(process)
    if process.stdout:
        process.stdout.close()


@contextmanager
def sqlite_database(folder: Path):
    path = folder / "bot.sqlite3"
    yield Database(f"sqlite:///{path}", lambda: sqlite3.connect(path, timeout=20))


@contextmanager
def postgres_database():
    """A throwaway database on the local PostgreSQL (skips without it, fails so on CI)."""
    with testing.postgres_database("mychat_bot_test") as url:
        yield Database(url, lambda: psycopg.connect(url, autocommit=True))
