"""The SQLite backend's write queue: one process's writers take turns in arrival order instead of
sleeping in SQLite's busy handler until "database is locked"."""

import contextlib
import sqlite3
import threading
import time

import pytest
from django.db import OperationalError
from django.db.utils import ConnectionHandler

from backend.web.errors import database_busy


@pytest.fixture
def database(tmp_path, django_db_blocker):
    """Connections to a SQLite file of their own, one per thread, as the server makes them."""
    path = tmp_path / "queue.sqlite3"
    with sqlite3.connect(path) as setup:
        setup.execute("PRAGMA journal_mode=WAL")
        setup.execute("CREATE TABLE note (id INTEGER PRIMARY KEY, text TEXT)")

    def connect(write_queue: str, timeout: float):
        options = {"transaction_mode": "IMMEDIATE", "timeout": timeout, "write_queue": write_queue}
        return ConnectionHandler({"default": {"ENGINE": "backend.web.sqlite", "NAME": str(path), "OPTIONS": options}})

    with django_db_blocker.unblock():
        yield connect


@contextlib.contextmanager
def write_transaction(connection):
    """What `atomic()` does on SQLite: BEGIN IMMEDIATE … COMMIT (or ROLLBACK)."""
    connection.set_autocommit(False, force_begin_transaction_with_broken_autocommit=True)
    try:
        yield
        connection.commit()
    except BaseException:
        connection.rollback()
        raise
    finally:
        connection.set_autocommit(True)


def slow_writers(handler, count: int, hold: float, *, autocommit_writer: bool = False) -> list[BaseException]:
    """`count` threads, each writing in a transaction that lasts `hold` seconds (plus, optionally,
    one plain UPDATE outside any transaction); returns the errors they met."""
    errors = []

    def write(n):
        connection = handler["default"]
        try:
            if autocommit_writer and n == 0:
                with connection.cursor() as cursor:
                    cursor.execute("UPDATE note SET text = 'x'")
                return
            with write_transaction(connection), connection.cursor() as cursor:
                cursor.execute("INSERT INTO note (text) VALUES (%s)", [f"writer {n}"])
                time.sleep(hold)  # the slow work that should never be here; it shows who waits
        except OperationalError as exc:
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=write, args=(n,)) for n in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return errors


def test_without_the_queue_a_writer_fails_with_database_is_locked(database):
    errors = slow_writers(database("off", timeout=0.05), count=4, hold=0.2)
    assert errors and all("database is locked" in str(error) for error in errors)


def test_with_the_queue_the_same_writers_wait_their_turn_and_all_commit(database, tmp_path):
    assert slow_writers(database("fifo", timeout=5), count=4, hold=0.2, autocommit_writer=True) == []
    with sqlite3.connect(tmp_path / "queue.sqlite3") as check:
        assert check.execute("SELECT count(*) FROM note").fetchone() == (3,)


def test_a_writer_that_waits_past_the_timeout_gets_a_busy_error_not_a_hang(database):
    errors = slow_writers(database("fifo", timeout=0.1), count=3, hold=0.4, autocommit_writer=True)
    assert errors, "someone waited longer than 0.1 s"
    assert all(database_busy(error) for error in errors)


def test_reads_do_not_wait_for_the_writers_turn(database):
    handler = database("fifo", timeout=0.05)
    holder_in, holder_done = threading.Event(), threading.Event()

    def hold_the_turn():
        connection = handler["default"]
        with write_transaction(connection), connection.cursor() as cursor:
            cursor.execute("INSERT INTO note (text) VALUES ('held')")
            holder_in.set()
            holder_done.wait(5)
        connection.close()

    holder = threading.Thread(target=hold_the_turn)
    holder.start()
    holder_in.wait(5)
    try:
        reader = handler["default"]
        with reader.cursor() as cursor:
            cursor.execute("SELECT count(*) FROM note")
            assert cursor.fetchone() == (0,), "WAL: the reader sees the last commit, without waiting"
        reader.close()
    finally:
        holder_done.set()
        holder.join()
