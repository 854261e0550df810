"""Turns: at most `capacity` holders at a time, the others served in the order they came.

A semaphore that hands a freed place to the longest waiter (Python's Semaphore and Lock let a
late-comer barge in). Used for SQLite's write turn (capacity 1) and for password hashing (one
per core).
"""

import collections
import contextlib
import threading


class Turns:
    def __init__(self, capacity: int = 1):
        if capacity < 1:
            raise ValueError("capacity must be at least 1")
        self._mutex = threading.Lock()
        self._waiting: collections.deque[threading.Lock] = collections.deque()
        self._free = capacity

    def acquire(self, timeout: float | None = None) -> bool:
        """Wait for a turn, at most `timeout` seconds (None: as long as it takes); whether one came."""
        with self._mutex:
            if self._free and not self._waiting:
                self._free -= 1
                return True
            baton = threading.Lock()
            baton.acquire()
            self._waiting.append(baton)
        if baton.acquire(timeout=-1 if timeout is None else max(timeout, 0)):
            return True  # handed over by release()
        with self._mutex:
            try:
                self._waiting.remove(baton)
            except ValueError:
                return True  # release() handed it over just as the wait ran out: ours after all
            return False

    def release(self) -> None:
        """End a turn (the caller's, not necessarily this thread's); the longest waiter gets it."""
        with self._mutex:
            if self._waiting:
                self._waiting.popleft().release()  # the place passes straight on
            else:
                self._free += 1

    def waiting(self) -> int:
        return len(self._waiting)

    @contextlib.contextmanager
    def turn(self):
        self.acquire()
        try:
            yield
        finally:
            self.release()
