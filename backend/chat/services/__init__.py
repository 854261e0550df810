"""Writes: every change to chat sessions, members and messages goes through these functions.

sessions.py (group chats: create, rename, invite, delete), direct.py (direct chats), members.py
(join, leave, removal), system.py (the system messages that tell them), messages.py (post, edit,
delete), reactions.py, and the change cursor they share (cursor.py). Views, the socket and the
bot all call these, never the ORM.
"""

from .direct import session_direct_open
from .members import membership_join, membership_join_by_invite, membership_leave, membership_remove
from .messages import message_create, message_delete, message_edit
from .reactions import reaction_add, reaction_remove
from .read_state import read_mark
from .sessions import invite_rotate, session_create, session_delete, session_rename
from .system import system_message_create
from .text import clean_idempotency_key, clean_message_text, clean_title

__all__ = [
    "clean_idempotency_key",
    "clean_message_text",
    "clean_title",
    "invite_rotate",
    "membership_join",
    "membership_join_by_invite",
    "membership_leave",
    "membership_remove",
    "message_create",
    "message_delete",
    "message_edit",
    "reaction_add",
    "read_mark",
    "reaction_remove",
    "session_create",
    "session_delete",
    "session_direct_open",
    "session_rename",
    "system_message_create",
]
