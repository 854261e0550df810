"""The "/" hook: a pending job recorded with the message, in its transaction; the bot user."""

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import ImproperlyConfigured
from django.db import transaction

from backend.autoreply.models import BotJob
from backend.autoreply.services import bot_user
from backend.chat.models import Message
from backend.chat.services import message_create
from backend.testing.api import join

pytestmark = pytest.mark.django_db


def test_a_slash_message_records_a_pending_job(post):
    message = post("/roll 1d6")
    job = BotJob.objects.get()
    assert (job.message, job.status, job.attempts) == (message, BotJob.Status.PENDING, 0)


def test_a_plain_message_records_no_job(post):
    post("hello /roll")
    assert not BotJob.objects.exists()


def test_a_bot_message_records_no_job_so_the_bot_never_answers_itself(session):
    message_create(session=session, user=bot_user(), text="/help", is_bot=True)
    assert not BotJob.objects.exists()


def test_system_messages_record_no_job(client_for, alice, bob, chat):
    """Joins, leaves, removals and renames are told in the chat; the bot has nothing to answer."""
    join(client_for(bob), chat)
    client_for(alice).patch(f"/api/chats/{chat}/", {"title": "/help"}, format="json")
    client_for(bob).delete(f"/api/chats/{chat}/members/me/")
    assert Message.objects.filter(kind="system").count() == 3
    assert not BotJob.objects.exists()


def test_the_job_rolls_back_with_its_message(post):
    with pytest.raises(RuntimeError), transaction.atomic():  # noqa: PT012 - fails after the write, on purpose
        post("/help")
        raise RuntimeError("the request failed after saving")
    assert not Message.objects.exists()
    assert not BotJob.objects.exists()


def test_an_idempotent_retry_records_one_job(session, alice):
    for _ in range(2):
        message_create(session=session, user=alice, text="/help", idempotency_key="k1")
    assert BotJob.objects.count() == 1


def test_posting_a_slash_message_through_the_api_returns_201_before_any_reply(client_for, alice, chat):
    response = client_for(alice).post(f"/api/chats/{chat}/messages/", {"message": "/help"}, format="json")
    assert response.status_code == 201
    assert response.json()["is_bot"] is False
    assert BotJob.objects.get().status == BotJob.Status.PENDING
    assert Message.objects.count() == 1  # the reply comes later, from a worker


def test_the_bot_user_exists_after_migrations_without_a_usable_password():
    user = get_user_model().objects.get(username="hubot")
    assert not user.has_usable_password()
    assert bot_user() == user


def test_the_bot_never_takes_over_a_persons_account(settings, make_user):
    make_user("assistant")  # a person, with a password
    settings.MYCHAT_BOT_USERNAME = "assistant"
    with pytest.raises(ImproperlyConfigured, match="person's account"):
        bot_user()


def test_nobody_can_sign_up_as_the_bot(client):
    response = client.post(
        "/auth/users/",
        {"username": "hubot", "password": "a long enough passphrase 42"},
        content_type="application/json",
    )
    assert response.status_code == 400
    assert "username" in response.json()
