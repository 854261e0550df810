"""Chat sessions (keyed by an unguessable URI, joined by a separate invite code), their members,
and their sequenced messages."""

import secrets

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone

# The one home of these rules: the services, serializers (and so the OpenAPI schema), the socket,
# the bot and `GET /api/config/` all read them from here.
MAX_MESSAGE_LENGTH = 2000
MAX_TITLE_LENGTH = 200
MAX_EMOJI_LENGTH = 32  # characters of one reaction: the longest emoji (a tagged flag) has 7 code points
EXCERPT_LENGTH = 120  # a quoted reply, a notification, a chat list's last message


def new_session_uri() -> str:
    """96 random bits, URL-safe: the URI names the chat in links and must not be guessable."""
    return secrets.token_urlsafe(12)


def new_invite_code() -> str:
    """96 random bits, URL-safe: whoever holds the code may join, so it must not be guessable."""
    return secrets.token_urlsafe(12)


class Role(models.TextChoices):
    """A member's role, derived from ChatSession.owner (a column of Membership when admins come)."""

    OWNER = "owner"  # renames, removes members, resets the invite, deletes the chat
    MEMBER = "member"


class ChatSession(models.Model):
    class Kind(models.TextChoices):
        GROUP = "group"  # titled by its owner, joined with the invite code
        DIRECT = "direct"  # the one private chat of two people: no title, no invite, no owner's powers

    uri = models.CharField(max_length=32, unique=True, default=new_session_uri, editable=False)
    kind = models.CharField(max_length=8, choices=Kind.choices, default=Kind.GROUP)
    title = models.CharField(max_length=MAX_TITLE_LENGTH, blank=True)
    # The one truth of who owns a group chat (the API's `role` is derived from it).
    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="owned_chats")
    # A group chat's invite, separate from the URI so that it can be reset (and a removed member
    # cannot walk back in). NULL for a direct chat, which has none; unique among the others.
    invite_code = models.CharField(max_length=32, unique=True, null=True, blank=True, default=new_invite_code)
    # "<smaller user id>:<larger user id>" of a direct chat's two people: one chat per pair.
    direct_key = models.CharField(max_length=41, unique=True, null=True, blank=True, editable=False)
    members = models.ManyToManyField(settings.AUTH_USER_MODEL, through="Membership", related_name="chats")
    created_at = models.DateTimeField(default=timezone.now)
    # The seq of the newest message; allocated under this row's lock, so seqs commit in order.
    last_seq = models.PositiveBigIntegerField(default=0)
    # The change counter: every change a viewer must see (a new message, an edit, a delete, a
    # reaction) takes the next rev under the same lock and stamps it on the message it changed.
    rev = models.PositiveBigIntegerField(default=0)
    last_activity_at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        verbose_name = "chat session"

    def __str__(self) -> str:
        return self.title or self.uri

    def role_of(self, user_id: int) -> Role:
        """The owner of a group chat is its owner; the people of a direct chat are equals."""
        return Role.OWNER if self.kind == self.Kind.GROUP and self.owner_id == user_id else Role.MEMBER


class Membership(models.Model):
    session = models.ForeignKey(ChatSession, on_delete=models.CASCADE, related_name="memberships")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships")
    joined_at = models.DateTimeField(default=timezone.now)
    # The seq of the newest message this member has seen (0: none). Only moves forward; posting
    # moves it to one's own message. seq is gapless, so unread = session.last_seq - last_read_seq.
    last_read_seq = models.PositiveBigIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["session", "user"], name="unique_member")]

    def __str__(self) -> str:
        return f"{self.user} in {self.session}"


# What a message is read with to be rendered (rendering.py): its author and the quoted one, with their profiles.
RENDERED_WITH = ("user__profile", "reply_to__user__profile")


class Message(models.Model):
    class Kind(models.TextChoices):
        TEXT = "text"
        SYSTEM = "system"  # a join, leave, removal or rename told in the chat; `event` says which

    session = models.ForeignKey(ChatSession, on_delete=models.CASCADE, related_name="messages")
    seq = models.PositiveBigIntegerField()
    rev = models.PositiveBigIntegerField()  # the session rev of this message's latest change
    kind = models.CharField(max_length=8, choices=Kind.choices, default=Kind.TEXT)
    event = models.JSONField(null=True, blank=True)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="messages")
    text = models.TextField(max_length=MAX_MESSAGE_LENGTH, blank=True)  # "" once deleted
    is_bot = models.BooleanField(default=False)
    created_at = models.DateTimeField(default=timezone.now)
    edited_at = models.DateTimeField(null=True, blank=True)
    deleted = models.BooleanField(default=False)  # a tombstone keeps its seq, so seq stays gapless
    reply_to = models.ForeignKey("self", null=True, blank=True, on_delete=models.SET_NULL, related_name="replies")
    mentions = models.JSONField(default=list, blank=True)  # ids of the members it @mentions
    # How many files it carries (backend/files): rendering asks for attachments only when some do.
    attachment_count = models.PositiveSmallIntegerField(default=0)
    # NULL, not "": the unique constraint below only holds among messages that have a key.
    idempotency_key = models.CharField(max_length=100, null=True, blank=True)  # noqa: DJ001

    class Meta:
        ordering = ["session", "seq"]
        constraints = [
            # Also the index every page read uses: (session, seq) ranges.
            models.UniqueConstraint(fields=["session", "seq"], name="unique_session_seq"),
            # And the index of the live cursor: (session, rev) ranges, `since=<rev>`.
            models.UniqueConstraint(fields=["session", "rev"], name="unique_session_rev"),
            models.UniqueConstraint(
                fields=["session", "user", "idempotency_key"],
                condition=Q(idempotency_key__isnull=False),
                name="unique_idempotency_key",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.session}#{self.seq}"


class Reaction(models.Model):
    """One user's emoji on one message (one per user per emoji)."""

    message = models.ForeignKey(Message, on_delete=models.CASCADE, related_name="reactions")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    emoji = models.CharField(max_length=MAX_EMOJI_LENGTH)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["id"]
        constraints = [models.UniqueConstraint(fields=["message", "user", "emoji"], name="unique_reaction")]

    def __str__(self) -> str:
        return f"{self.emoji} by {self.user_id} on {self.message_id}"


class Notification(models.Model):
    """Something a user should hear about even while away: an @mention, or a join of a session they own."""

    MENTION = "mention"
    JOIN = "join"
    KINDS = [(MENTION, "Mention"), (JOIN, "Join")]

    recipient = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications")
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=16, choices=KINDS)
    text = models.CharField(max_length=300)
    session = models.ForeignKey(ChatSession, on_delete=models.CASCADE, related_name="+")
    # The message that mentions the recipient: its deletion takes the notification (and its excerpt) along.
    message = models.ForeignKey(Message, null=True, blank=True, on_delete=models.CASCADE, related_name="+")
    read = models.BooleanField(default=False)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-id"]
        # The inbox read: one recipient, optionally only unread, newest first.
        indexes = [models.Index(fields=["recipient", "read", "id"], name="notification_inbox")]

    def __str__(self) -> str:
        return f"{self.kind} for {self.recipient}"
