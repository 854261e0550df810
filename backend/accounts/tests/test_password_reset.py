"""Password reset by e-mail: a link to the app's page, the same answer whether or not the address
is known, clear 400s for a bad link, rate limits per network and per address."""

import re
import time

import pytest
from django.core import mail

from backend.testing.servers import PASSWORD
from backend.web.throttles import PasswordResetEmailThrottle, PasswordResetThrottle

pytestmark = pytest.mark.django_db

NEW_PASSWORD = "a brand new passphrase 73"


def sign_up(client, username, email=""):
    return client.post("/auth/users/", {"username": username, "password": PASSWORD, "email": email}, format="json")


def ask_reset(client, email, **headers):
    return client.post("/auth/users/reset_password/", {"email": email}, format="json", **headers)


def confirm(client, uid, token, new_password=NEW_PASSWORD):
    body = {"uid": uid, "token": token, "new_password": new_password}
    return client.post("/auth/users/reset_password_confirm/", body, format="json")


def log_in(client, username, password):
    return client.post("/auth/token/login/", {"username": username, "password": password}, format="json")


def mails_sent(count: int, timeout: float = 10) -> list:
    """The outbox once `count` mails are in it: they are sent off the request path."""
    deadline = time.monotonic() + timeout
    while len(mail.outbox) < count and time.monotonic() < deadline:
        time.sleep(0.01)
    return mail.outbox


def reset_link(message) -> tuple[str, str]:
    uid, token = re.search(r"http://testserver/reset/([^/\s]+)/([^/\s]+)", message.body).groups()
    return uid, token


def test_the_answer_is_the_same_for_a_known_an_unknown_and_an_address_without_account(api_client):
    sign_up(api_client, "carol", "carol@example.com")
    sign_up(api_client, "dan")  # no e-mail at all
    answers = [ask_reset(api_client, email) for email in ["carol@example.com", "nobody@example.com", ""]]
    assert [answer.status_code for answer in answers[:2]] == [204, 204]
    assert answers[0].content == answers[1].content == b""
    assert answers[2].status_code == 400  # not an address at all: says nothing about accounts
    assert len(mails_sent(1)) == 1 and mail.outbox[0].to == ["carol@example.com"]


def test_the_link_opens_the_app_and_sets_a_new_password_that_signs_in(api_client):
    sign_up(api_client, "carol", "carol@example.com")
    old_token = log_in(api_client, "carol", PASSWORD).json()["auth_token"]
    assert ask_reset(api_client, "CAROL@example.com").status_code == 204  # any case of the address
    message = mails_sent(1)[0]
    assert "carol" in message.body
    uid, token = reset_link(message)

    assert confirm(api_client, uid, token).status_code == 204
    assert log_in(api_client, "carol", PASSWORD).status_code == 400
    assert log_in(api_client, "carol", NEW_PASSWORD).status_code == 200
    api_client.credentials(HTTP_AUTHORIZATION=f"Token {old_token}")
    assert api_client.get("/auth/users/me/").status_code == 401  # signed out where the old password was used


def test_a_used_link_or_a_forged_one_is_a_clear_400(api_client):
    sign_up(api_client, "carol", "carol@example.com")
    ask_reset(api_client, "carol@example.com")
    uid, token = reset_link(mails_sent(1)[0])
    assert confirm(api_client, uid, token).status_code == 204

    used = confirm(api_client, uid, token, "yet another passphrase 11")
    assert used.status_code == 400
    assert used.json() == {"token": ["This reset link is invalid or has expired. Ask for a new one."]}
    for forged_uid in ["", "x", "MTAwMDAwMDAwMDAwMDAwMDAwMDAwMDAw", "AA", "\u0000", "🙂"]:
        response = confirm(api_client, forged_uid, token)
        assert response.status_code == 400, forged_uid
        # A NUL is refused by the JSON parser for every field; the others by the uid's own check.
        assert ("detail" if forged_uid == "\u0000" else "uid") in response.json()


def test_a_weak_new_password_is_refused_with_the_rules(api_client):
    sign_up(api_client, "carol", "carol@example.com")
    ask_reset(api_client, "carol@example.com")
    uid, token = reset_link(mails_sent(1)[0])
    response = confirm(api_client, uid, token, "123")
    assert response.status_code == 400 and response.json()["new_password"]
    assert confirm(api_client, uid, token).status_code == 204  # the link still works


def test_every_account_on_a_shared_address_gets_its_own_link(api_client):
    sign_up(api_client, "erin", "family@example.com")
    sign_up(api_client, "frank", "Family@example.com")
    assert ask_reset(api_client, "family@example.com").status_code == 204
    assert sorted(message.body.count("erin") > 0 for message in mails_sent(2)) == [False, True]


def test_asking_too_often_about_one_address_is_429_in_words(api_client, settings):
    settings.RATE_LIMITS_ON = True
    allowed = PasswordResetEmailThrottle().num_requests
    statuses = [
        ask_reset(api_client, "Victim@example.com", REMOTE_ADDR=f"198.51.100.{n}").status_code
        for n in range(allowed + 1)
    ]
    assert statuses == [204] * allowed + [429]  # from a new network each time
    refused = ask_reset(api_client, "victim@example.com", REMOTE_ADDR="198.51.100.9")
    assert refused.json()["detail"].startswith("Too many password reset requests for this address. Try again in ")
    assert ask_reset(api_client, "someone.else@example.com").status_code == 204


def test_asking_too_often_from_one_network_is_429(api_client, settings):
    settings.RATE_LIMITS_ON = True
    allowed = PasswordResetThrottle().num_requests
    statuses = [ask_reset(api_client, f"someone{n}@example.com").status_code for n in range(allowed + 1)]
    assert statuses == [204] * allowed + [429]
    assert (
        ask_reset(api_client, "a@example.com")
        .json()["detail"]
        .startswith("Too many password reset requests from this network.")
    )
