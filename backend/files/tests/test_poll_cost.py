"""Attachments are rendered with their message once: the poll costs what it did."""

import pytest

from backend.chat.rendering import clear_cache
from backend.testing.api import add_member, post_message

from .conftest import send, upload

pytestmark = pytest.mark.django_db


def test_a_poll_with_attachments_costs_one_query_more_and_only_when_rendering(
    client_for, alice, bob, chat, django_assert_num_queries
):
    add_member(chat, bob)
    alices, bobs = client_for(alice), client_for(bob)
    for i in range(10):
        post_message(alices, chat, f"text {i}")
        ids = [upload(alices, chat, f"file {i} {j}".encode(), f"{i}-{j}.txt").json()["id"] for j in range(2)]
        send(alices, chat, ids, f"files {i}")
    clear_cache()
    # token, session + membership, messages (+ users), reactions, attachments: however many there are
    with django_assert_num_queries(5):
        page = bobs.get(f"/api/chats/{chat}/messages/?since=0&limit=200").json()
    assert sum(len(m["attachments"]) for m in page["messages"]) == 20
    with django_assert_num_queries(3):  # rendered once: the next tab reads neither reactions nor files
        bobs.get(f"/api/chats/{chat}/messages/?since=0&limit=200")


def test_a_poll_without_attachments_does_not_ask_for_them(client_for, alice, chat, django_assert_num_queries):
    alices = client_for(alice)
    for i in range(5):
        post_message(alices, chat, f"m{i}")
    clear_cache()
    with django_assert_num_queries(4):  # as before attachments existed
        alices.get(f"/api/chats/{chat}/messages/?since=0")
