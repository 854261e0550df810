"""The default hasher is Django's PBKDF2, run at most MYCHAT_HASHES_AT_ONCE at a time."""

import threading
import time

from django.contrib.auth import hashers as django_hashers

from backend.accounts import hashers
from backend.accounts.hashers import PBKDF2PasswordHasher
from backend.testing.servers import PASSWORD


def test_it_stores_and_reads_exactly_what_djangos_pbkdf2_does():
    ours, djangos = PBKDF2PasswordHasher(), django_hashers.PBKDF2PasswordHasher()
    assert ours.algorithm == djangos.algorithm and ours.iterations == djangos.iterations
    salt, fewer = ours.salt(), 1000  # fewer iterations than the default, for the test's speed
    assert ours.encode(PASSWORD, salt, fewer) == djangos.encode(PASSWORD, salt, fewer)
    assert ours.verify(PASSWORD, djangos.encode(PASSWORD, salt, fewer))


def test_no_more_than_the_configured_number_hash_at_once(settings, monkeypatch):
    settings.MYCHAT_HASHES_AT_ONCE = 2
    running, most = 0, 0
    mutex = threading.Lock()

    def slow_encode(self, password, salt, iterations=None):
        nonlocal running, most
        with mutex:
            running += 1
            most = max(most, running)
        time.sleep(0.02)
        with mutex:
            running -= 1
        return "pbkdf2_sha256$1$salt$hash"

    monkeypatch.setattr(django_hashers.PBKDF2PasswordHasher, "encode", slow_encode)
    threads = [threading.Thread(target=PBKDF2PasswordHasher().encode, args=(PASSWORD, "salt")) for _ in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert most == 2


def test_it_hands_back_the_database_connection_before_waiting_and_hashing(monkeypatch):
    calls = []
    monkeypatch.setattr(hashers, "release_idle_connections", lambda: calls.append("released"))
    PBKDF2PasswordHasher().encode(PASSWORD, "salt", 1000)
    assert calls == ["released"]
