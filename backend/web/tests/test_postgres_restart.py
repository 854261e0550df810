"""PostgreSQL dropping every connection (a restart, a failover) costs at most the requests in flight:
the pool hands out only live connections afterwards, a read in flight is tried once more, and a
write in flight is a 503 with Retry-After, never a 500.

A real server on a real PostgreSQL database; the "restart" is pg_terminate_backend on every
connection to that database but the test's own (the shared server itself keeps running).
"""

import contextlib
import threading

import httpx
import psycopg
import pytest

from backend.testing.servers import auth, manage, postgres_database, project_env, server, sign_up, wait_until

pytestmark = [pytest.mark.postgres, pytest.mark.slow]


@pytest.fixture(scope="module")
def live(tmp_path_factory):
    var_dir = tmp_path_factory.mktemp("pg-restart")
    with postgres_database() as database_url:
        env = project_env(var_dir, DATABASE_URL=database_url)
        manage(env, "migrate", "--noinput")
        log = var_dir / "server.log"
        with server(env, log=log) as url, psycopg.connect(database_url, autocommit=True) as admin:
            token = sign_up(url, "ann")[1]
            uri = httpx.post(f"{url}/api/chats/", json={"title": "Restart"}, headers=auth(token)).json()["uri"]
            yield {"url": url, "headers": auth(token), "uri": uri, "admin": admin, "log": log}


def terminate_the_others(admin: psycopg.Connection) -> int:
    rows = admin.execute(
        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
        "WHERE datname = current_database() AND pid <> pg_backend_pid()"
    ).fetchall()
    return len(rows)


def test_after_every_connection_was_dropped_requests_succeed(live):
    url, headers, uri = live["url"], live["headers"], live["uri"]
    assert httpx.get(f"{url}/api/chats/", headers=headers).status_code == 200  # the pool holds connections now
    assert terminate_the_others(live["admin"]) > 0

    answers = [
        httpx.get(f"{url}/api/chats/", headers=headers).status_code,
        httpx.get(f"{url}/api/chats/{uri}/", headers=headers).status_code,
        httpx.post(f"{url}/api/chats/{uri}/messages/", json={"message": "still here"}, headers=headers).status_code,
        httpx.get(f"{url}/api/chats/{uri}/messages/", headers=headers).status_code,
        httpx.get(f"{url}/healthz").status_code,
    ]
    assert answers == [200, 200, 201, 200, 200]


@contextlib.contextmanager
def chats_locked(admin_url_connection: psycopg.Connection):
    """Requests that read a chat wait on this lock, inside their query: they are in flight."""
    with admin_url_connection.transaction():
        admin_url_connection.execute("LOCK TABLE chat_chatsession IN ACCESS EXCLUSIVE MODE")
        yield


def waiting_on_the_lock(admin: psycopg.Connection) -> int:
    return admin.execute(
        "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'"
    ).fetchone()[0]


@pytest.mark.parametrize("method, expected", [("GET", 200), ("PATCH", 503)])
def test_a_request_in_flight_is_retried_if_it_reads_and_a_503_if_it_writes(live, method, expected):
    url, headers, uri = live["url"], live["headers"], live["uri"]
    lock_holder = psycopg.connect(live["admin"].info.dsn, autocommit=True)
    answers: list[httpx.Response] = []

    def call():
        body = {"title": "Renamed"} if method == "PATCH" else None
        answers.append(httpx.request(method, f"{url}/api/chats/{uri}/", json=body, headers=headers, timeout=30))

    with lock_holder, chats_locked(lock_holder):
        caller = threading.Thread(target=call)
        caller.start()
        wait_until(lambda: waiting_on_the_lock(live["admin"]) >= 1, 10, "the request to wait on the lock")
        lock_pid = lock_holder.info.backend_pid
        live["admin"].execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
            "WHERE datname = current_database() AND pid NOT IN (pg_backend_pid(), %s)",
            [lock_pid],
        )
        if method == "GET":  # the retry waits on the lock again; it ends when the lock does
            wait_until(lambda: waiting_on_the_lock(live["admin"]) >= 1, 10, "the retry")
    caller.join(30)
    (response,) = answers
    assert response.status_code == expected, response.text
    assert isinstance(response.json(), dict)
    if expected == 503:
        assert int(response.headers["Retry-After"]) > 0 and "try again" in response.json()["detail"]
    assert " 500 " not in live["log"].read_text()
