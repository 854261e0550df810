"""The hook interface other apps (the bot) listen on; sent inside the writing transaction."""

from django.dispatch import Signal

# Sent by message_create (and for system messages, system_message_add) inside its transaction,
# with `message=`. A receiver that writes (e.g. records pending bot work) commits or rolls back
# together with the message.
message_created = Signal()
