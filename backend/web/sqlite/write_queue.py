"""The turn to write: one writer at a time per database file, first come first served."""

import collections
import threading


class WriteQueue:
    """A lock handed over in arrival order (a plain `threading.Lock` lets late-comers barge in).

    `acquire` waits at most `timeout` seconds and says whether it got the turn; `release` hands
    the turn to the longest waiter. The turn belongs to a caller, not a thread.
    """

    def __init__(self):
        self._mutex = threading.Lock()
        self._waiting: collections.deque[threading.Lock] = collections.deque()
        self._taken = False

    def acquire(self, timeout: float) -> bool:
        with self._mutex:
            if not self._taken:
                self._taken = True
                return True
            baton = threading.Lock()
            baton.acquire()
            self._waiting.append(baton)
        if baton.acquire(timeout=max(timeout, 0)):
            return True  # handed over by release()
        with self._mutex:
            try:
                self._waiting.remove(baton)
            except ValueError:
                return True  # release() handed it over just as the wait ran out: ours after all
            return False

    def release(self) -> None:
        with self._mutex:
            if self._waiting:
                self._waiting.popleft().release()  # stays taken: it passes straight to the next
            else:
                self._taken = False

    def waiting(self) -> int:
        return len(self._waiting)


class PlainLock:
    """`threading.Lock` with WriteQueue's interface: no order among waiters (measured against it)."""

    def __init__(self):
        self._lock = threading.Lock()

    def acquire(self, timeout: float) -> bool:
        return self._lock.acquire(timeout=max(timeout, 0))

    def release(self) -> None:
        self._lock.release()

    def waiting(self) -> int:
        return 0


KINDS = {"fifo": WriteQueue, "lock": PlainLock}
_queues: dict[tuple[str, str], WriteQueue | PlainLock] = {}
_queues_mutex = threading.Lock()


def queue_for(database: str, kind: str = "fifo") -> WriteQueue | PlainLock:
    """The process-wide queue of one database file (every connection to it shares it)."""
    with _queues_mutex:
        if (key := (database, kind)) not in _queues:
            _queues[key] = KINDS[kind]()
        return _queues[key]
