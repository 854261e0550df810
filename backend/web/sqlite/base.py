"""Django's sqlite3 DatabaseWrapper, with every write of this process queued for its turn.

A write transaction (`atomic()`: BEGIN IMMEDIATE … COMMIT/ROLLBACK) takes the turn before BEGIN
and gives it back when the transaction ends; a write outside a transaction (an autocommit
UPDATE, say `last_login`) takes it for its one statement. Reads never wait: WAL lets them run
beside the writer. So a burst of writers queues in order, in memory, instead of sleeping in
SQLite's busy handler until its timeout ends in "database is locked". Other processes (a second
worker, `manage.py` commands) still meet at SQLite's own lock and busy timeout.

Options (DATABASES["default"]["OPTIONS"]), beside Django's own:
- `timeout`: SQLite's busy timeout, and also how long a writer waits for its turn here (seconds);
  past it the writer gets OperationalError("database is locked"), which the API answers as 503.
- `write_queue`: "fifo" (default; first come first served), "lock" (a plain lock: waiters in
  no order) or "off" (SQLite's busy handler alone, Django's behaviour). For measurements.
"""

from django.core.exceptions import ImproperlyConfigured
from django.db.backends.sqlite3 import base

from .write_queue import KINDS, queue_for

Database = base.Database
DEFAULT_TIMEOUT = 5.0  # Python's sqlite3 default busy timeout
# Statements that neither write nor begin or end a transaction: they never wait for the turn.
READS = ("SELECT", "PRAGMA", "EXPLAIN")
TRANSACTION_CONTROL = ("BEGIN", "COMMIT", "END", "ROLLBACK", "SAVEPOINT", "RELEASE")


def database_is_locked(waited: float) -> Database.OperationalError:
    return Database.OperationalError(f"database is locked (waited {waited:g} s for this process's write turn)")


class QueuedCursorWrapper(base.SQLiteCursorWrapper):
    """Takes the write turn for a write outside a transaction (inside one, the turn is already held)."""

    write_queue = None
    timeout = DEFAULT_TIMEOUT

    def execute(self, query, params=None):
        if not self._needs_turn(query):
            return super().execute(query, params)
        if not self.write_queue.acquire(self.timeout):
            raise database_is_locked(self.timeout)
        try:
            return super().execute(query, params)
        finally:
            self.write_queue.release()

    def executemany(self, query, param_list):
        if not self._needs_turn(query):
            return super().executemany(query, param_list)
        if not self.write_queue.acquire(self.timeout):
            raise database_is_locked(self.timeout)
        try:
            return super().executemany(query, param_list)
        finally:
            self.write_queue.release()

    def _needs_turn(self, query: str) -> bool:
        if self.write_queue is None or self.connection.in_transaction:
            return False
        keyword = query.lstrip()[:9].upper()
        return not keyword.startswith(READS + TRANSACTION_CONTROL)


class DatabaseWrapper(base.DatabaseWrapper):
    write_queue = None
    write_timeout = DEFAULT_TIMEOUT
    holds_write_turn = False

    def get_connection_params(self):
        kwargs = super().get_connection_params()
        kind = kwargs.pop("write_queue", "fifo")
        if kind != "off" and kind not in KINDS:
            raise ImproperlyConfigured(f"OPTIONS['write_queue'] is {kind!r}: use one of {sorted(KINDS)} or 'off'.")
        # Keyed by the file as connected (the test runner renames the database after start-up).
        self.write_queue = None if kind == "off" else queue_for(str(kwargs["database"]), kind)
        self.write_timeout = float(kwargs.get("timeout", DEFAULT_TIMEOUT))
        return kwargs

    def create_cursor(self, name=None):
        cursor = self.connection.cursor(factory=QueuedCursorWrapper)
        cursor.write_queue, cursor.timeout = self.write_queue, self.write_timeout
        return cursor

    def _start_transaction_under_autocommit(self):
        if self.write_queue is not None and not self.holds_write_turn:
            if not self.write_queue.acquire(self.write_timeout):
                with self.wrap_database_errors:
                    raise database_is_locked(self.write_timeout)
            self.holds_write_turn = True
        try:
            super()._start_transaction_under_autocommit()
        except BaseException:
            self._end_write_turn()
            raise

    def _commit(self):
        try:
            return super()._commit()
        finally:
            if self.connection is None or not self.connection.in_transaction:
                self._end_write_turn()  # a COMMIT that failed leaves the transaction to ROLLBACK

    def _rollback(self):
        try:
            return super()._rollback()
        finally:
            self._end_write_turn()

    def _close(self):
        try:
            return super()._close()  # closing rolls back whatever was open
        finally:
            self._end_write_turn()

    def _end_write_turn(self):
        if self.holds_write_turn:
            self.holds_write_turn = False
            self.write_queue.release()
