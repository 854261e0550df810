"""The bot worker: claims pending jobs (exactly once, across threads, processes and hosts),
answers them and posts the reply as the bot user. Embedded in the server or run by `runbot`."""

import logging
import os
import socket
import threading
import time
import uuid

from django.conf import settings
from django.db import close_old_connections, transaction
from django.db.models import F, Q
from django.utils import timezone

from backend.chat.models import ChatSession, Message
from backend.chat.services import message_create
from backend.files.services import attachments_expire
from preproc import warm_up

from .index import current_index
from .models import BotJob
from .registry import Answer, Context, answer
from .services import bot_user
from .texts import language_of, say

logger = logging.getLogger(__name__)

_local_workers: set["Worker"] = set()


def wake_local_workers() -> None:
    """Called on commit of a "/" message: workers in this process start at once instead of at
    their next poll. Workers elsewhere find the job by polling."""
    for worker in list(_local_workers):
        worker.wake()


def _claimable(now) -> Q:
    expired = now - timezone.timedelta(seconds=settings.MYCHAT_BOT_LEASE_SECONDS)
    return Q(status=BotJob.Status.PENDING) | Q(status=BotJob.Status.RUNNING, claimed_at__lt=expired)


def job_claim(*, worker_name: str) -> BotJob | None:
    """Take the oldest pending job (or one whose worker's lease ran out).

    PostgreSQL: SKIP LOCKED lets concurrent workers pass over each other's candidates, and the
    conditional UPDATE re-checks the row, so one claim wins. SQLite: the IMMEDIATE transaction
    serialises claimers (SELECT FOR UPDATE is a no-op there), with the same conditional UPDATE.
    """
    now = timezone.now()
    if not BotJob.objects.filter(_claimable(now)).exists():  # cheap, no write lock while idle
        return None
    token = uuid.uuid4().hex
    with transaction.atomic():
        candidate = (
            BotJob.objects.select_for_update(skip_locked=True)
            .filter(_claimable(now))
            .order_by("pk")
            .values_list("pk", flat=True)
            .first()
        )
        if candidate is None:
            return None
        claimed = BotJob.objects.filter(_claimable(now), pk=candidate).update(
            status=BotJob.Status.RUNNING,
            claim_token=token,
            claimed_by=worker_name[:100],
            claimed_at=now,
            attempts=F("attempts") + 1,
        )
    if not claimed:
        return None
    return BotJob.objects.select_related("message__session", "message__user").get(pk=candidate)


def job_complete(*, job: BotJob, result: Answer | None) -> bool:
    """Post the reply (none for a question deleted before its answer) and close the job in one
    transaction, if this worker still holds the lease. Returns False when the lease was lost
    (another worker has taken the job over)."""
    with transaction.atomic():
        # The chat's row first, as every write to a chat locks it first: deleting the chat (which
        # takes this job along) then cannot deadlock with this transaction, and a deleted chat
        # has taken the job along, so the lease check below finds nothing.
        list(ChatSession.objects.select_for_update().filter(pk=job.message.session_id).values_list("pk"))
        still_ours = (
            BotJob.objects.select_for_update()
            .filter(pk=job.pk, status=BotJob.Status.RUNNING, claim_token=job.claim_token)
            .exists()
        )
        if not still_ours:
            return False
        if result is None or Message.objects.filter(pk=job.message_id, deleted=True).exists():
            BotJob.objects.filter(pk=job.pk).update(status=BotJob.Status.DONE, finished_at=timezone.now())
            return True
        # The idempotency key is a second guard: one reply per job, whatever happens.
        reply, _ = message_create(
            session=job.message.session,
            user=bot_user(),
            text=result.text,
            is_bot=True,
            idempotency_key=f"bot-job-{job.pk}",
        )
        BotJob.objects.filter(pk=job.pk).update(
            status=BotJob.Status.FAILED if result.error else BotJob.Status.DONE,
            finished_at=timezone.now(),
            reply=reply,
            error=result.error[:2000],
        )
    return True


def job_run(job: BotJob) -> Answer | None:
    """The reply, or None when the question was deleted before the bot got to it."""
    if job.message.deleted:
        return None
    if job.attempts > settings.MYCHAT_BOT_MAX_ATTEMPTS:
        # Its workers kept dying on it: give up with a reply rather than retry forever.
        return Answer(say("gave_up", language_of(job.message.text)), error="gave up after crashes")
    return answer(
        job.message.text, context=Context(session=job.message.session, user=job.message.user, message=job.message)
    )


# Woken at the commit of a "/" message, the embedded worker would share the GIL with the request
# that is still writing its response: a "/" POST measured twice as slow as a plain one. Letting
# that response go out first makes them equal (bench/polling.py) and costs the reply 20 ms.
WAKE_SETTLE_SECONDS = 0.02


# Housekeeping the worker's loop does besides answering: uploads never sent with a message go.
HOUSEKEEPING_SECONDS = 600.0


def housekeeping() -> None:
    if removed := attachments_expire():
        logger.info("Removed %d unsent attachment(s).", removed)


class Worker:
    """Answers pending jobs until stopped; `run_pending` does one pass (also used by tests)."""

    def __init__(self, name: str | None = None):
        self.name = name or f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:6]}"
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def run_pending(self) -> int:
        answered = 0
        while not self._stop.is_set() and (job := job_claim(worker_name=self.name)) is not None:
            result = job_run(job)
            if job_complete(job=job, result=result):
                answered += 1
            else:
                logger.warning("Lost the lease on bot job %s; another worker answers it.", job.pk)
        return answered

    def run_forever(self) -> None:
        _local_workers.add(self)
        logger.info("Bot worker %s started.", self.name)
        try:
            warm_up()  # the analyzers' dictionaries and the index, before the first question rather than in it
            current_index()
        except Exception:  # the database is not there yet, etc.: the first question will build it
            logger.exception("Bot worker %s: warming up failed.", self.name)
        housekept_at = 0.0
        try:
            while not self._stop.is_set():
                self._wake.clear()
                close_old_connections()
                try:
                    self.run_pending()
                    if time.monotonic() - housekept_at >= HOUSEKEEPING_SECONDS:
                        housekept_at = time.monotonic()
                        housekeeping()
                except Exception:  # the database went away, etc.: log, back off, go on
                    logger.exception("Bot worker %s: pass failed.", self.name)
                    self._stop.wait(min(5.0, settings.MYCHAT_BOT_POLL_SECONDS * 5))
                if self._wake.wait(settings.MYCHAT_BOT_POLL_SECONDS):
                    self._stop.wait(WAKE_SETTLE_SECONDS)
        finally:
            _local_workers.discard(self)
            close_old_connections()
            logger.info("Bot worker %s stopped.", self.name)

    def wake(self) -> None:
        self._wake.set()

    def start_thread(self) -> "Worker":
        self._thread = threading.Thread(target=self.run_forever, name=f"bot-worker-{self.name}", daemon=True)
        self._thread.start()
        return self

    def stop(self, timeout: float | None = 10) -> None:
        self._stop.set()
        self._wake.set()
        if self._thread is not None:
            self._thread.join(timeout)
