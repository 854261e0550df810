"""The worker: claims a job once, posts the reply as the bot, survives lost leases and failures."""

import pytest
from django.utils import timezone

from backend.autoreply import registry
from backend.autoreply.models import BotJob
from backend.autoreply.registry import command
from backend.autoreply.services import bot_user
from backend.autoreply.worker import job_claim, job_complete, job_run
from backend.chat.models import Message
from backend.chat.services import session_delete

pytestmark = pytest.mark.django_db


@pytest.fixture
def failing_command():
    command("explode", usage="/explode", help="Always fails.")(lambda args: 1 / 0)
    yield
    registry._commands.pop("explode")


def test_the_reply_is_posted_by_the_bot_into_the_same_session(post, worker, session):
    message = post("/roll 1d1")
    assert worker.run_pending() == 1
    reply = Message.objects.get(seq=message.seq + 1, session=session)
    assert (reply.user, reply.text, reply.is_bot) == (bot_user(), "1", True)
    job = BotJob.objects.get()
    assert (job.status, job.reply, job.attempts) == (BotJob.Status.DONE, reply, 1)


def test_replies_reach_pollers_like_any_message(client_for, alice, chat, worker):
    client = client_for(alice)
    client.post(f"/api/chats/{chat}/messages/", {"message": "/roll 2d1"}, format="json")
    worker.run_pending()
    messages = client.get(f"/api/chats/{chat}/messages/?after=1").json()["messages"]
    assert [(m["user"]["username"], m["message"], m["is_bot"]) for m in messages] == [("hubot", "1 + 1 = 2", True)]


def test_a_question_deleted_before_its_answer_gets_none(post, worker, session, alice):
    from backend.chat.services import message_delete

    message = post("/roll 1d1")
    message_delete(session=session, user=alice, seq=message.seq)
    worker.run_pending()
    assert not Message.objects.filter(is_bot=True).exists()
    assert BotJob.objects.get().status == BotJob.Status.DONE


def test_jobs_are_answered_in_order_and_only_once(post, worker):
    for n in range(1, 4):
        post(f"/roll {n}d1")
    assert worker.run_pending() == 3
    assert worker.run_pending() == 0
    assert list(Message.objects.filter(is_bot=True).values_list("text", flat=True)) == [
        "1",
        "1 + 1 = 2",
        "1 + 1 + 1 = 3",
    ]


def test_a_failing_command_replies_with_an_error_and_is_not_retried(post, worker, failing_command):
    post("/explode")
    assert worker.run_pending() == 1
    job = BotJob.objects.get()
    assert job.status == BotJob.Status.FAILED
    assert "ZeroDivisionError" in job.error
    assert job.reply.text == "Sorry, /explode failed (ZeroDivisionError). Try /help explode."
    assert Message.objects.filter(text="/explode").exists()  # the user's message stays
    assert worker.run_pending() == 0


def test_a_running_job_is_not_claimed_again_while_its_lease_lasts(post):
    post("/help")
    assert job_claim(worker_name="a") is not None
    assert job_claim(worker_name="b") is None


def test_a_job_whose_lease_ran_out_is_taken_over(post, settings):
    post("/roll 1d1")
    first = job_claim(worker_name="dead worker")
    BotJob.objects.filter(pk=first.pk).update(claimed_at=timezone.now() - timezone.timedelta(seconds=61))
    second = job_claim(worker_name="b")
    assert second.pk == first.pk and second.attempts == 2
    # The first worker wakes up late: it no longer holds the lease, so it posts nothing.
    assert job_complete(job=first, result=job_run(first)) is False
    assert job_complete(job=second, result=job_run(second)) is True
    assert Message.objects.filter(is_bot=True).count() == 1


def test_a_job_that_keeps_crashing_its_workers_is_given_up(post, settings):
    post("/roll 1d1")
    for _ in range(settings.MYCHAT_BOT_MAX_ATTEMPTS + 1):
        job = job_claim(worker_name="crashing")
        BotJob.objects.filter(pk=job.pk).update(claimed_at=timezone.now() - timezone.timedelta(hours=1))
    assert job.attempts == settings.MYCHAT_BOT_MAX_ATTEMPTS + 1
    assert job_complete(job=job, result=job_run(job))
    job.refresh_from_db()
    assert job.status == BotJob.Status.FAILED
    assert job.reply.text == "Sorry, I could not answer that one (it kept failing)."


def test_a_job_whose_chat_was_deleted_meanwhile_is_dropped_quietly(post, worker, session, alice):
    post("/roll 1d1")
    job = job_claim(worker_name="w")
    session_delete(session=session, user=alice)
    assert job_complete(job=job, result=job_run(job)) is False
    assert not Message.objects.exists() and not BotJob.objects.exists()
