"""Password hashers, at most MYCHAT_HASHES_AT_ONCE hashes at a time: Argon2id for new passwords,
Django's PBKDF2 for the hashes stored before (each is upgraded at its user's next sign-in).

Argon2id with OWASP's recommended minimum (19 MiB of memory, 2 passes, 1 lane) is memory-hard,
which is what slows a GPU down, and costs about 35 ms here instead of PBKDF2's 350 ms with a
million iterations: a class of a hundred signing up at once is in within seconds, not half a
minute (docs/performance.md, "Class burst").

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


class InLine:
    """Mixed into a hasher: its work waits its turn, holding no database connection."""

    def encode(self, password, salt, *args, **kwargs):
        release_idle_connections()  # a pooled connection is for others while this waits and hashes
        with hashing_turns().turn():
            return super().encode(password, salt, *args, **kwargs)


class Argon2idPasswordHasher(InLine, hashers.Argon2PasswordHasher):
    """Django's Argon2 hasher (argon2id) at OWASP's recommended minimum cost."""

    time_cost = 2
    memory_cost = 19 * 1024  # KiB
    parallelism = 1

    def verify(self, password, encoded):
        # Argon2 verifies without calling encode (PBKDF2's verify does, and so waits its turn there).
        release_idle_connections()
        with hashing_turns().turn():
            return super().verify(password, encoded)


class PBKDF2PasswordHasher(InLine, hashers.PBKDF2PasswordHasher):
    """Django's: same algorithm, iterations and stored format; only when it runs changes."""
