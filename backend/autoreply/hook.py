"""The "/" hook: a message starting with "/" owes a bot reply, recorded in the message's transaction."""

from django.db import transaction
from django.dispatch import receiver

from backend.chat.signals import message_created

from .models import BotJob
from .worker import wake_local_workers


@receiver(message_created, dispatch_uid="autoreply.record_bot_job")
def record_bot_job(sender, message, **kwargs) -> None:
    if message.is_bot or message.kind != message.Kind.TEXT or not message.text.startswith("/"):
        return
    BotJob.objects.create(message=message)
    # After commit only: a worker woken earlier could not see the job yet.
    transaction.on_commit(wake_local_workers)
