"""Database connections around slow work that needs none."""

from django.db import connections


def release_idle_connections() -> None:
    """Hand back this thread's database connections that hold no transaction: a pooled one
    returns to the pool (PostgreSQL), a SQLite one is closed. The next query opens one again.

    Call it before slow work that needs no database, such as hashing a password. Django keeps a
    request's connection from its first query to its end, so a hundred sign-ups hashing (or
    waiting in line to) would hold every pooled connection while everyone else waits for one,
    until the pool's timeout turns the wait into an error (bench/burst.py on PostgreSQL).
    """
    for connection in connections.all(initialized_only=True):
        if connection.connection is not None and connection.autocommit and not connection.in_atomic_block:
            connection.close()
