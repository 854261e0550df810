"""A database still busy past its limit is a 503 with Retry-After and a JSON error on every path
(REST, plain Django views, the socket), never a 500: the client simply tries again."""

import pytest
from asgiref.sync import sync_to_async
from django.db import OperationalError
from django.test import Client
from psycopg_pool import PoolTimeout

from backend.chat import services
from backend.testing.api import join, post_message, token_of
from backend.testing.sockets import open_socket
from backend.web.errors import RETRY_AFTER_SECONDS, database_busy


def locked(*args, **kwargs):
    raise OperationalError("database is locked")


@pytest.mark.django_db
@pytest.mark.parametrize("call", ["join", "post"])
def test_a_locked_database_is_a_503_with_retry_after_over_rest(monkeypatch, client_for, alice, bob, chat, call):
    monkeypatch.setattr(services, "membership_join_by_invite", locked)
    monkeypatch.setattr(services, "message_create", locked)
    response = join(client_for(bob), chat) if call == "join" else post_message(client_for(alice), chat, "hi")

    assert response.status_code == 503
    assert response["Retry-After"] == str(RETRY_AFTER_SECONDS)
    assert response.json() == {"detail": response.json()["detail"]} and "try again" in response.json()["detail"]


def test_a_plain_django_view_answers_503_too_and_other_database_errors_stay_500(settings):
    settings.ROOT_URLCONF = "backend.web.tests.busy_urls"
    client = Client(raise_request_exception=False)

    busy = client.get("/busy/")
    assert busy.status_code == 503 and busy["Retry-After"] == str(RETRY_AFTER_SECONDS) and "detail" in busy.json()
    broken = client.get("/broken/")
    assert broken.status_code == 500 and broken.json() == {"detail": "Internal server error."}


def test_what_counts_as_busy():
    pool_timeout = OperationalError("couldn't get a connection after 30.00 sec")
    pool_timeout.__cause__ = PoolTimeout("couldn't get a connection after 30.00 sec")
    assert database_busy(OperationalError("database is locked"))
    assert database_busy(OperationalError("database table is locked: chat_message"))
    assert database_busy(pool_timeout)
    assert not database_busy(OperationalError("no such table: chat_message"))
    assert not database_busy(ValueError("database is locked"))


@pytest.mark.django_db(transaction=True)
async def test_a_post_over_the_socket_meets_a_busy_database_with_retry_after(monkeypatch, chat, alice):
    token = await sync_to_async(token_of)(alice)
    communicator = await open_socket(f"/ws/chats/{chat}/?token={token}")
    monkeypatch.setattr(services, "message_create", locked)

    await communicator.send_json_to({"type": "message", "message": "hello", "idempotency_key": "k1"})
    error = await communicator.receive_json_from()

    assert error["type"] == "error" and error["retry_after"] == RETRY_AFTER_SECONDS
    assert error["idempotency_key"] == "k1"
    await communicator.disconnect()
