"""Calls of the REST API the way the app makes them, for tests that act as a client."""

from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient


def token_of(user) -> str:
    """The user's DRF token, created on first use."""
    return Token.objects.get_or_create(user=user)[0].key


def signed_in(user) -> APIClient:
    """An API client that sends `user`'s token, like the app does."""
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {token_of(user)}")
    return client


def post_message(client, uri: str, text, **headers):
    return client.post(f"/api/chats/{uri}/messages/", {"message": text}, format="json", **headers)


def read_messages(client, uri: str, query: str = "", **headers):
    return client.get(f"/api/chats/{uri}/messages/{query}", **headers)


def join(client, uri: str):
    return client.post(f"/api/chats/{uri}/members/")


def seqs(response) -> list[int]:
    return [message["seq"] for message in response.json()["messages"]]
