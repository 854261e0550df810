"""Django's default password hasher (PBKDF2), at most MYCHAT_HASHES_AT_ONCE hashes at a time.

A hash costs hundreds of milliseconds of CPU on purpose. A class signing up at once would start
a hundred together: the OS shares the cores a hundred ways, every one of them finishes last, and
everything else the server does (the join of someone already in, the writer holding SQLite's
turn) gets a hundredth of a core meanwhile. In line, one per core, the first come are the first
done and the rest of the server keeps breathing (docs/performance.md, "Class burst"). Nobody
holds a database connection while waiting or hashing.
"""

import threading

from django.conf import settings
from django.contrib.auth import hashers

from backend.web.connections import release_idle_connections
from backend.web.turns import Turns

_turns: dict[int, Turns] = {}
_turns_mutex = threading.Lock()


def hashing_turns() -> Turns:
    with _turns_mutex:
        at_once = settings.MYCHAT_HASHES_AT_ONCE
        return _turns.setdefault(at_once, Turns(at_once))


class PBKDF2PasswordHasher(hashers.PBKDF2PasswordHasher):
    """Django's: same algorithm, iterations and stored format; only when it runs changes."""

    def encode(self, password, salt, iterations=None):
        release_idle_connections()  # a pooled connection is for others while this waits and hashes
        with hashing_turns().turn():
            return super().encode(password, salt, iterations)
