"""Writes: every change to chat sessions, members and messages goes through these functions.

sessions.py (sessions and membership), messages.py (post, edit, delete), reactions.py, and the
change cursor they share (cursor.py). Views, the socket and the bot all call these, never the ORM.
"""

from .messages import message_create, message_delete, message_edit
from .reactions import reaction_add, reaction_remove
from .sessions import membership_join, session_create
from .text import clean_idempotency_key, clean_message_text

__all__ = [
    "clean_idempotency_key",
    "clean_message_text",
    "membership_join",
    "message_create",
    "message_delete",
    "message_edit",
    "reaction_add",
    "reaction_remove",
    "session_create",
]
