"""Shared fixtures: users with tokens and API clients that act as them."""

import itertools

import pytest
from django.core.cache import cache
from rest_framework.test import APIClient

from backend.chat import rendering
from backend.testing.api import add_member, signed_in
from backend.testing.servers import PASSWORD

_usernames = itertools.count(1)


@pytest.fixture(autouse=True)
def _rate_limits_off_and_fresh_cache(settings):
    """Throttles are tested on purpose (test_*_too_fast_*); elsewhere they would only add noise.
    A fast password hasher keeps user creation from dominating the suite's time."""
    settings.RATE_LIMITS_ON = False
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    cache.clear()
    rendering.clear_cache()  # test databases reuse ids, so (id, rev) would name another test's message
    yield
    cache.clear()


@pytest.fixture
def make_user(django_user_model):
    def make(username: str | None = None):
        return django_user_model.objects.create_user(username=username or f"user{next(_usernames)}", password=PASSWORD)

    return make


@pytest.fixture
def api_client():
    return APIClient()


@pytest.fixture
def client_for():
    """An API client signed in as `user` with a real DRF token, the way the app calls the API."""

    return signed_in


@pytest.fixture
def alice(make_user):
    return make_user("alice")


@pytest.fixture
def bob(make_user):
    return make_user("bob")


@pytest.fixture
def chat(client_for, alice):
    """A session Alice started; returns its URI."""
    return client_for(alice).post("/api/chats/", {"title": "Team"}, format="json").json()["uri"]


@pytest.fixture
def alices(client_for, alice):
    """Alice's API client."""
    return client_for(alice)


@pytest.fixture
def bobs(client_for, bob, chat):
    """Bob's API client, Bob a member of `chat`."""
    add_member(chat, bob)
    return client_for(bob)
