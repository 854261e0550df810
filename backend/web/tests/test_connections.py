"""Before slow work that needs no database, a thread hands its idle connection back."""

import pytest
from django.db import transaction
from django.db.utils import ConnectionHandler

from backend.web import connections as module
from backend.web.connections import release_idle_connections


@pytest.fixture
def handler(tmp_path, monkeypatch, django_db_blocker):
    """A SQLite file of its own (pooled PostgreSQL connections go back to the pool the same way)."""
    handler = ConnectionHandler({"default": {"ENGINE": "backend.web.sqlite", "NAME": str(tmp_path / "c.sqlite3")}})
    monkeypatch.setattr(module, "connections", handler)
    monkeypatch.setattr(transaction, "get_connection", lambda using=None: handler["default"])
    with django_db_blocker.unblock():
        yield handler
    handler.close_all()


def test_an_idle_connection_is_handed_back_and_the_next_query_opens_one(handler):
    connection = handler["default"]
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    assert connection.connection is not None

    release_idle_connections()
    assert connection.connection is None

    with connection.cursor() as cursor:
        cursor.execute("SELECT 2")
        assert cursor.fetchone() == (2,)


def test_a_connection_inside_a_transaction_is_left_alone(handler):
    connection = handler["default"]
    with transaction.atomic():
        with connection.cursor() as cursor:
            cursor.execute("CREATE TABLE t (x INTEGER)")
        release_idle_connections()
        assert connection.connection is not None and connection.in_atomic_block
