"""Hashing a password (hundreds of milliseconds of CPU) never happens inside a write transaction:
on SQLite every other writer would wait for it (issue 19)."""

import pytest
from django.contrib.auth.hashers import MD5PasswordHasher
from django.db import connection

from backend.testing.servers import PASSWORD

# Real transactions (no test-wide atomic block around the test), so "inside one" means something.
pytestmark = pytest.mark.django_db(transaction=True)

_events: list[tuple[str, bool]] = []


class RecordingHasher(MD5PasswordHasher):
    """MD5 (fast) that notes whether a transaction was open each time it hashed."""

    def encode(self, password, salt):
        _events.append(("hash", connection.in_atomic_block))
        return super().encode(password, salt)


@pytest.fixture
def events(settings):
    settings.PASSWORD_HASHERS = [f"{__name__}.RecordingHasher"]
    _events.clear()

    def record_sql(execute, sql, params, many, context):
        _events.append((sql.split()[0].upper(), connection.in_atomic_block))
        return execute(sql, params, many, context)

    with connection.execute_wrapper(record_sql):
        yield _events


def test_sign_up_hashes_before_its_write_transaction_begins(api_client, events):
    created = api_client.post("/auth/users/", {"username": "dana", "password": PASSWORD}, format="json")

    assert created.status_code == 201
    assert created.json() == {"id": created.json()["id"], "username": "dana", "email": ""}
    hashes = [i for i, (kind, _) in enumerate(events) if kind == "hash"]
    begins = [i for i, (kind, _) in enumerate(events) if kind == "BEGIN"]
    assert hashes and all(not in_transaction for kind, in_transaction in events if kind == "hash")
    assert begins and begins[-1] > hashes[-1], "the INSERT's transaction begins after the hash"


def test_login_checks_the_password_outside_any_transaction(api_client, events):
    api_client.post("/auth/users/", {"username": "erin", "password": PASSWORD}, format="json")
    events.clear()

    login = api_client.post("/auth/token/login/", {"username": "erin", "password": PASSWORD}, format="json")

    assert login.status_code == 200 and login.json()["auth_token"]
    assert [in_transaction for kind, in_transaction in events if kind == "hash"] == [False]
    assert any(kind == "INSERT" for kind, _ in events), "the token is created, in a short write of its own"


def test_sign_up_still_normalises_the_email_and_stores_a_usable_password(api_client, django_user_model):
    api_client.post(
        "/auth/users/", {"username": "fay", "password": PASSWORD, "email": "Fay@EXAMPLE.org"}, format="json"
    )
    user = django_user_model.objects.get(username="fay")
    assert user.email == "Fay@example.org" and user.is_active and user.check_password(PASSWORD)
