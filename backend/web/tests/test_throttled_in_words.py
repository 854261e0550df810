"""A 429 says in words what was too much and when to try again, with `retry_after` in seconds;
sign-up lets a class behind one address in and stops a script."""

import pytest
from django.core.cache import cache

from backend.testing.servers import PASSWORD
from backend.web.errors import retry_in_words
from backend.web.throttles import SignupGlobalThrottle, SignupThrottle

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "seconds, words",
    [(1, "1 second"), (59, "59 seconds"), (60, "1 minute"), (61, "2 minutes"), (2858, "48 minutes"), (5400, "2 hours")],
)
def test_a_wait_is_said_in_the_unit_a_person_uses(seconds, words):
    assert retry_in_words(seconds) == words


def sign_up(client, username, password=PASSWORD, address="192.0.2.1"):
    body = {"username": username, "password": password}
    return client.post("/auth/users/", body, format="json", REMOTE_ADDR=address)


def test_a_class_of_a_hundred_signs_up_from_one_address(api_client, settings):
    settings.RATE_LIMITS_ON = True
    statuses = [sign_up(api_client, f"pupil{n}").status_code for n in range(100)]
    assert statuses == [201] * 100


def test_a_script_past_the_limit_gets_a_429_in_words(api_client, settings):
    settings.RATE_LIMITS_ON = True
    allowed = SignupThrottle().num_requests
    for n in range(allowed):  # refused sign-ups count too: a script guessing names is no cheaper
        assert sign_up(api_client, f"bot{n}", password="1").status_code == 400
    refused = sign_up(api_client, "one-more")
    assert refused.status_code == 429
    body = refused.json()
    assert body["retry_after"] == int(refused["Retry-After"]) > 0
    assert body["detail"] == f"Too many sign-ups from this network. Try again in {retry_in_words(body['retry_after'])}."
    assert "seconds" not in body["detail"] or body["retry_after"] < 60
    assert sign_up(api_client, "someone", address="192.0.2.2").status_code == 201  # another network


def test_a_refused_sign_up_does_not_use_up_everyones_limit(api_client, settings):
    settings.RATE_LIMITS_ON = True
    allowed = SignupThrottle().num_requests
    for n in range(allowed + 20):
        sign_up(api_client, f"bot{n}", password="1")
    global_throttle = SignupGlobalThrottle()
    counted = len(cache.get(global_throttle.get_cache_key(None, None), []))
    assert counted == allowed


def test_every_429_of_the_api_is_in_words(client_for, alice, settings):
    """Not only sign-up: a throttle without words of its own still says when, never 'available in'."""
    settings.RATE_LIMITS_ON = True
    client = client_for(alice)
    statuses = []
    for _ in range(200):
        response = client.post("/api/chats/", {"title": "x"}, format="json")
        statuses.append(response.status_code)
        if response.status_code == 429:
            break
    assert statuses[-1] == 429
    body = response.json()
    assert body["detail"].startswith("Too many requests. Try again in ") and "available" not in body["detail"]
    assert body["retry_after"] > 0


@pytest.mark.parametrize("rate, parsed", [("200/hour", (200, 3600)), ("100/10min", (100, 600)), ("5/s", (5, 1))])
def test_rates_may_name_a_window_of_several_minutes(rate, parsed):
    assert SignupThrottle().parse_rate(rate) == parsed
