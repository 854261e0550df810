"""Calls of the REST API the way the app makes them, for tests that act as a client."""

from rest_framework.test import APIClient

from backend.accounts.models import DeviceToken


def token_of(user) -> str:
    """A token of the user's (their first device's), created on first use."""
    token = DeviceToken.objects.filter(user=user).order_by("pk").first()
    return (token or DeviceToken.objects.create(user=user, name="Tests on Linux")).key


def person(user, display_name: str = "", avatar_url: str | None = None) -> dict:
    """How the API shows `user` to others: {id, username, display_name, avatar_url}."""
    return {"id": user.pk, "username": user.username, "display_name": display_name, "avatar_url": avatar_url}


def signed_in(user) -> APIClient:
    """An API client that sends `user`'s token, like the app does."""
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {token_of(user)}")
    return client


def post_message(client, uri: str, text, **headers):
    return client.post(f"/api/chats/{uri}/messages/", {"message": text}, format="json", **headers)


def read_messages(client, uri: str, query: str = "", **headers):
    return client.get(f"/api/chats/{uri}/messages/{query}", **headers)


def invite_code(uri: str) -> str:
    """The chat's current invite code, as its members see it in `session.invite`."""
    from backend.chat.models import ChatSession

    return ChatSession.objects.values_list("invite_code", flat=True).get(uri=uri)


def join(client, uri: str):
    """Join the chat with its invite, the way opening the invite link does."""
    return client.post("/api/chats/join/", {"code": invite_code(uri)}, format="json")


def seqs(response) -> list[int]:
    return [message["seq"] for message in response.json()["messages"]]


def add_member(uri: str, user) -> None:
    """Make `user` a member from the start, without a join told in the chat: for tests about
    messages, whose seqs and revs then start at 1. Tests about joining use `join`."""
    from backend.chat.models import ChatSession, Membership

    Membership.objects.get_or_create(session=ChatSession.objects.get(uri=uri), user=user)
