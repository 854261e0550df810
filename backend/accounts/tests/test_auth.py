"""Sign-up, sign-in and sign-out through Djoser's token endpoints."""

import pytest
from django.core.cache import cache

from backend.web.throttles import LoginThrottle

pytestmark = pytest.mark.django_db

PASSWORD = "a long enough passphrase 42"


def sign_up(client, username="carol", password=PASSWORD, **extra):
    return client.post("/auth/users/", {"username": username, "password": password, **extra}, format="json")


def log_in(client, username="carol", password=PASSWORD):
    return client.post("/auth/token/login/", {"username": username, "password": password}, format="json")


def test_user_signs_up_logs_in_and_sees_themself(api_client):
    created = sign_up(api_client, email="carol@example.com")
    assert created.status_code == 201
    assert created.json() == {"id": created.json()["id"], "username": "carol", "email": "carol@example.com"}

    token = log_in(api_client).json()["auth_token"]
    api_client.credentials(HTTP_AUTHORIZATION=f"Token {token}")
    me = api_client.get("/auth/users/me/")
    assert me.status_code == 200 and me.json()["username"] == "carol"


def test_weak_password_is_refused_with_the_field(api_client):
    response = sign_up(api_client, password="123")
    assert response.status_code == 400
    assert "password" in response.json()


def test_duplicate_username_is_refused(api_client):
    sign_up(api_client)
    response = sign_up(api_client)
    assert response.status_code == 400 and "username" in response.json()


def test_wrong_password_gets_400(api_client):
    sign_up(api_client)
    assert log_in(api_client, password="not it at all 99").status_code == 400


def test_logout_revokes_the_token(api_client):
    sign_up(api_client)
    token = log_in(api_client).json()["auth_token"]
    api_client.credentials(HTTP_AUTHORIZATION=f"Token {token}")
    assert api_client.post("/auth/token/logout/").status_code == 204
    assert api_client.get("/auth/users/me/").status_code == 401


def test_api_without_a_valid_token_is_401(api_client):
    assert api_client.get("/api/chats/").status_code == 401
    api_client.credentials(HTTP_AUTHORIZATION="Token " + "0" * 40)
    response = api_client.get("/api/chats/")
    assert response.status_code == 401 and "detail" in response.json()


def test_logging_in_too_fast_is_429_with_retry_after(api_client, settings):
    settings.RATE_LIMITS_ON = True
    sign_up(api_client)
    allowed = LoginThrottle().num_requests

    assert [log_in(api_client).status_code for _ in range(allowed)] == [200] * allowed
    refused = log_in(api_client)
    assert refused.status_code == 429 and int(refused["Retry-After"]) > 0


@pytest.mark.parametrize("disguise", ["a token of ones own", "a forged X-Forwarded-For"])
def test_the_login_limit_cannot_be_lifted(api_client, settings, disguise):
    settings.RATE_LIMITS_ON = True
    sign_up(api_client)
    attacker = log_in(api_client).json()["auth_token"]
    cache.clear()  # that login counted: start from a clean slate
    allowed = LoginThrottle().num_requests
    statuses = []
    for n in range(allowed + 1):
        headers = (
            {"HTTP_AUTHORIZATION": f"Token {attacker}"}
            if disguise == "a token of ones own"
            else {"HTTP_X_FORWARDED_FOR": f"203.0.113.{n}"}
        )
        guess = {"username": "carol", "password": f"guess number {n} 77"}
        statuses.append(api_client.post("/auth/token/login/", guess, format="json", **headers).status_code)
    assert statuses == [400] * allowed + [429]


def test_nobody_deletes_their_account_and_with_it_other_peoples_history(api_client):
    sign_up(api_client)
    api_client.credentials(HTTP_AUTHORIZATION=f"Token {log_in(api_client).json()['auth_token']}")
    response = api_client.delete("/auth/users/me/", {"current_password": PASSWORD}, format="json")
    assert response.status_code == 403
    assert api_client.get("/auth/users/me/").status_code == 200
