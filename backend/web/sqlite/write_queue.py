"""The turn to write: one writer at a time per database file, first come first served."""

import threading

from backend.web.turns import Turns


class PlainLock:
    """`threading.Lock` with the interface of Turns: no order among waiters (measured against it)."""

    def __init__(self):
        self._lock = threading.Lock()

    def acquire(self, timeout: float) -> bool:
        return self._lock.acquire(timeout=max(timeout, 0))

    def release(self) -> None:
        self._lock.release()

    def waiting(self) -> int:
        return 0


KINDS = {"fifo": Turns, "lock": PlainLock}
_queues: dict[tuple[str, str], Turns | PlainLock] = {}
_queues_mutex = threading.Lock()


def queue_for(database: str, kind: str = "fifo") -> Turns | PlainLock:
    """The process-wide queue of one database file (every connection to it shares it)."""
    with _queues_mutex:
        if (key := (database, kind)) not in _queues:
            _queues[key] = KINDS[kind]()
        return _queues[key]
