"""Our hashers: Argon2id for new passwords, PBKDF2 for old ones, at most MYCHAT_HASHES_AT_ONCE at a time."""

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


def test_new_passwords_get_argon2id_and_old_pbkdf2_hashes_still_sign_in_and_are_upgraded(settings, django_user_model):
    settings.PASSWORD_HASHERS = [
        "backend.accounts.hashers.Argon2idPasswordHasher",
        "backend.accounts.hashers.PBKDF2PasswordHasher",
    ]
    user = django_user_model.objects.create_user(username="newcomer", password=PASSWORD)
    assert user.password.startswith("argon2$argon2id$v=19$m=19456,t=2,p=1$")
    old = django_hashers.PBKDF2PasswordHasher()
    user.password = old.encode(PASSWORD, old.salt(), 1000)
    user.save()
    assert user.check_password(PASSWORD)
    user.refresh_from_db()
    assert user.password.startswith("argon2$argon2id$")
