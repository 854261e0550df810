"""The idle-poll lane answers 304 in one query, under exactly the full view's token and membership rules."""

import httpx
import pytest
from asgiref.sync import sync_to_async
from django.db import connection
from django.test.utils import CaptureQueriesContext
from rest_framework.authtoken.models import Token

from backend.asgi import application
from backend.chat.lean_poll import LANES, member_counters
from backend.testing.api import post_message, token_of
from backend.web.lanes import LeanLanes

pytestmark = pytest.mark.django_db(transaction=True)


class FullStackSpy:
    """Stands in for Django behind the lane, to see which requests the lane left to it."""

    def __init__(self):
        self.calls = 0

    async def __call__(self, scope, receive, send):
        self.calls += 1
        await send({"type": "http.response.start", "status": 299, "headers": []})
        await send({"type": "http.response.body", "body": b""})


@pytest.fixture
def polled(client_for, alice, chat):
    """A chat with one message, and the ETag of Alice's `after=1` page."""
    client = client_for(alice)
    client.post(f"/api/chats/{chat}/messages/", {"message": "hi"}, format="json")
    return chat, client.get(f"/api/chats/{chat}/messages/?after=1")["ETag"]


async def get(app, uri, token=None, etag=None, query="?after=1", **headers):
    if token:
        headers["Authorization"] = f"Token {token}"
    if etag:
        headers["If-None-Match"] = etag
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://localhost") as client:
        return await client.get(f"/api/chats/{uri}/messages/{query}", headers=headers)


async def test_member_with_the_current_etag_gets_304_without_django(polled, alice):
    uri, etag = polled
    spy = FullStackSpy()
    response = await get(LeanLanes(spy, LANES), uri, await _token(alice), etag)
    assert response.status_code == 304 and response.headers["etag"] == etag
    assert spy.calls == 0


@pytest.mark.parametrize(
    "case",
    ["stale etag", "no etag", "other query", "bad cursor", "blank cursor", "cross-origin", "wrong token", "no token"],
)
async def test_anything_but_a_current_idle_poll_falls_through(polled, alice, case):
    uri, etag = polled
    token = await _token(alice)
    arguments = {
        "stale etag": dict(token=token, etag='"0.1..100"'),
        "no etag": dict(token=token),
        "other query": dict(token=token, etag=etag, query="?after=0"),
        "bad cursor": dict(token=token, etag=etag, query="?after=-1"),
        "blank cursor": dict(token=token, etag=etag, query="?after=1&limit="),
        "cross-origin": dict(token=token, etag=etag, Origin="http://elsewhere.example"),
        "wrong token": dict(token="f" * 40, etag=etag),
        "no token": dict(etag=etag),
    }[case]
    spy = FullStackSpy()
    assert (await get(LeanLanes(spy, LANES), uri, **arguments)).status_code == 299
    assert spy.calls == 1


async def test_the_lane_keeps_the_full_rules_for_the_same_request(polled, alice, bob, django_user_model):
    uri, etag = polled
    assert (await get(application, uri, await _token(alice), etag)).status_code == 304
    assert (await get(application, uri, "f" * 40, etag)).status_code == 401
    assert (await get(application, uri, None, etag)).status_code == 401
    assert (await get(application, uri, await _token(bob), etag)).status_code == 403
    assert (await get(application, "noSuchChat0000", await _token(alice), etag)).status_code == 404

    await django_user_model.objects.filter(pk=alice.pk).aupdate(is_active=False)
    assert (await get(application, uri, await _token(alice), etag)).status_code == 401


async def test_a_revoked_token_no_longer_polls(polled, alice):
    uri, etag = polled
    token = await _token(alice)
    await Token.objects.filter(key=token).adelete()
    assert (await get(application, uri, token, etag)).status_code == 401


async def test_a_new_message_ends_the_304s(polled, alice, client_for):
    uri, etag = polled
    await _post_as(client_for, alice, uri, "news")
    response = await get(application, uri, await _token(alice), etag)
    assert response.status_code == 200 and [m["seq"] for m in response.json()["messages"]] == [2]


def test_the_lane_costs_one_query(polled, alice):
    uri, _ = polled
    token = token_of(alice)
    with CaptureQueriesContext(connection) as captured:
        assert member_counters(uri, token) == (1, 1)
    assert len(captured) == 1


async def _token(user) -> str:
    return await sync_to_async(token_of)(user)


async def _post_as(client_for, user, uri, text):
    def post():
        post_message(client_for(user), uri, text)

    await sync_to_async(post)()


@pytest.mark.parametrize("with_etag", [False, True])
async def test_the_poll_right_after_news_is_answered_by_the_lane(polled, alice, with_etag):
    """Its cursor is current: with or without an ETag for its new URL, the lane answers alone."""
    uri, _ = polled
    token = await _token(alice)
    full = await get(application, uri, token, query="?since=1")
    spy = FullStackSpy()
    etag = full.headers["etag"] if with_etag else None
    response = await get(LeanLanes(spy, LANES), uri, token, etag, query="?since=1")
    assert spy.calls == 0
    if with_etag:
        assert response.status_code == 304
    else:
        assert response.status_code == 200 and response.content == full.content
        assert response.headers["etag"] == full.headers["etag"]
        assert response.headers["content-type"] == "application/json"


@pytest.mark.parametrize("case", ["news", "a non-member", "a revoked token"])
async def test_a_since_poll_the_lane_cannot_answer_goes_to_django(polled, alice, bob, client_for, case):
    uri, _ = polled
    token = await _token(bob if case == "a non-member" else alice)
    if case == "news":
        await _post_as(client_for, alice, uri, "news")
    if case == "a revoked token":
        await Token.objects.filter(key=token).adelete()
    spy = FullStackSpy()
    assert (await get(LeanLanes(spy, LANES), uri, token, query="?since=1")).status_code == 299
    assert spy.calls == 1
