"""The idle-poll lane answers 304 in one query, under exactly the full view's token and membership rules."""

import httpx
import pytest
from asgiref.sync import sync_to_async
from django.db import connection
from django.test.utils import CaptureQueriesContext

from backend.accounts.models import DeviceToken
from backend.asgi import application
from backend.chat import rendering
from backend.chat.lean_poll import LANES, read
from backend.chat.models import Message
from backend.chat.paging import PageQuery
from backend.testing.api import join, post_message, token_of
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
    await DeviceToken.objects.filter(key=token).adelete()
    assert (await get(application, uri, token, etag)).status_code == 401


async def test_a_new_message_ends_the_304s(polled, alice, client_for):
    uri, etag = polled
    await _post_as(client_for, alice, uri, "news")
    response = await get(application, uri, await _token(alice), etag)
    assert response.status_code == 200 and [m["seq"] for m in response.json()["messages"]] == [2]


def test_the_lane_costs_one_query_idle_and_two_with_news(polled, alice, client_for):
    uri, _ = polled
    token = token_of(alice)
    with CaptureQueriesContext(connection) as captured:
        counters, changes = read(uri, token, PageQuery(since=1))
    assert (counters.rev, counters.last_seq, changes.revs, changes.messages) == (1, 1, [], [])
    assert len(captured) == 1
    post_message(client_for(alice), uri, "news")  # rendered by the POST, in this process
    with CaptureQueriesContext(connection) as captured:
        counters, changes = read(uri, token, PageQuery(since=1))
    assert [rev for _, rev in changes.revs] == [2] and len(changes.messages) == 1
    assert len(captured) == 2


def test_news_from_another_process_costs_the_first_poll_two_queries_more_and_the_rest_nothing(
    polled, alice, client_for
):
    uri, _ = polled
    token = token_of(alice)
    post_message(client_for(alice), uri, "news")
    rendering.clear_cache()  # as in another process than the one that took the POST
    with CaptureQueriesContext(connection) as captured:
        _, first = read(uri, token, PageQuery(since=1))
    assert len(captured) == 4  # counters, changes, the message with its people, its reactions
    with CaptureQueriesContext(connection) as captured:
        _, second = read(uri, token, PageQuery(since=1))
    assert len(captured) == 2 and second.messages == first.messages


def test_a_message_changed_again_meanwhile_is_left_to_the_full_view(polled, alice, client_for):
    uri, _ = polled
    post_message(client_for(alice), uri, "news")
    rendering.clear_cache()
    message = Message.objects.get(session__uri=uri, seq=2)
    assert rendering.changes_json([(message.pk, message.rev - 1, 0, 0)]) is None
    assert rendering.changes_json([(message.pk, message.rev, 0, 0)]) is not None


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


async def test_news_already_rendered_is_served_by_the_lane_as_django_would(polled, alice, client_for):
    uri, _ = polled
    token = await _token(alice)
    await _post_as(client_for, alice, uri, "news")  # the POST rendered it once
    spy = FullStackSpy()
    lane = await get(LeanLanes(spy, LANES), uri, token, query="?since=1")
    full = await get(application, uri, token, query="?since=1")
    assert spy.calls == 0
    assert lane.status_code == 200 and lane.content == full.content
    assert lane.headers["etag"] == full.headers["etag"]
    assert [m["message"] for m in lane.json()["messages"]] == ["news"]


async def test_the_lane_pages_changes_like_django(polled, alice, client_for):
    uri, _ = polled
    token = await _token(alice)
    for text in ["a", "b", "c"]:
        await _post_as(client_for, alice, uri, text)
    for since in (1, 2, 3, 4):
        lane = await get(LeanLanes(FullStackSpy(), LANES), uri, token, query=f"?since={since}&limit=2")
        full = await get(application, uri, token, query=f"?since={since}&limit=2")
        assert lane.content == full.content and lane.headers["etag"] == full.headers["etag"]


async def test_news_not_rendered_in_this_process_is_rendered_by_the_lane_as_django_would(polled, alice, client_for):
    uri, _ = polled
    token = await _token(alice)
    await _post_as(client_for, alice, uri, "news")
    rendering.clear_cache()  # as in another process than the one that took the POST
    spy = FullStackSpy()
    lane = await get(LeanLanes(spy, LANES), uri, token, query="?since=1")
    full = await get(application, uri, token, query="?since=1")
    assert spy.calls == 0
    assert lane.status_code == 200 and lane.content == full.content
    assert lane.headers["etag"] == full.headers["etag"]


@pytest.mark.parametrize("case", ["a non-member", "a revoked token", "a history page"])
async def test_a_poll_the_lane_cannot_answer_goes_to_django(polled, alice, bob, client_for, case):
    uri, _ = polled
    token = await _token(bob if case == "a non-member" else alice)
    query = "?after=0" if case == "a history page" else "?since=1"
    if case == "a revoked token":
        await DeviceToken.objects.filter(key=token).adelete()
    spy = FullStackSpy()
    assert (await get(LeanLanes(spy, LANES), uri, token, query=query)).status_code == 299
    assert spy.calls == 1


@pytest.mark.parametrize("change", ["removed", "left", "deleted"])
async def test_the_lane_and_django_agree_once_a_member_is_out(polled, alice, bob, client_for, change):
    """Bob polls happily (304s from the lane); the moment he is removed, leaves, or the chat is
    deleted, the lane stops answering him and Django says 403 (or 404 for a deleted chat)."""
    uri, _ = polled
    token = await _token(bob)

    def setup():
        join(client_for(bob), uri)

    await sync_to_async(setup)()
    live = await get(application, uri, token, query="?since=0")
    etag, rev = live.headers["etag"], live.json()["rev"]
    assert (await get(LeanLanes(FullStackSpy(), LANES), uri, token, etag, query="?since=0")).status_code == 304

    def act():
        alices, bobs = client_for(alice), client_for(bob)
        response = {
            "removed": lambda: alices.delete(f"/api/chats/{uri}/members/{bob.id}/"),
            "left": lambda: bobs.delete(f"/api/chats/{uri}/members/me/"),
            "deleted": lambda: alices.delete(f"/api/chats/{uri}/"),
        }[change]()
        assert response.status_code == 204

    await sync_to_async(act)()
    expected = 404 if change == "deleted" else 403
    for query, etag_sent in (("?since=0", etag), (f"?since={rev}", None), ("?after=1", None)):
        spy = FullStackSpy()
        assert (await get(LeanLanes(spy, LANES), uri, token, etag_sent, query=query)).status_code == 299
        assert spy.calls == 1
        assert (await get(application, uri, token, etag_sent, query=query)).status_code == expected
