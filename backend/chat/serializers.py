"""Output shapes of the chat API; the input serializers only document bodies for the schema (rules: services/)."""

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from backend.accounts.serializers import PublicUserSerializer

from .excerpts import shorten
from .models import (
    EXCERPT_LENGTH,
    MAX_MESSAGE_LENGTH,
    MAX_TITLE_LENGTH,
    ChatSession,
    Membership,
    Message,
    Notification,
    Role,
)


class InviteSerializer(serializers.Serializer):
    code = serializers.CharField(help_text="Joins the chat: `POST /api/chats/join/ {code}`.")
    url = serializers.URLField(help_text="The app's invite link, `/join/<code>`: open it to join.")


class SessionSerializer(serializers.ModelSerializer):
    """A chat as the caller sees it: `role` is the caller's, `invite.url` a link to this server's app."""

    owner = PublicUserSerializer(read_only=True)
    members = PublicUserSerializer(many=True, read_only=True)
    member_count = serializers.SerializerMethodField()
    role = serializers.SerializerMethodField()
    invite = serializers.SerializerMethodField()
    last_read_seq = serializers.SerializerMethodField(
        help_text="The caller's read mark (the newest seq they have seen)."
    )

    class Meta:
        model = ChatSession
        fields = [
            "uri",
            "kind",
            "title",
            "owner",
            "members",
            "member_count",
            "role",
            "invite",
            "created_at",
            "last_seq",
            "rev",
            "last_activity_at",
            "last_read_seq",
        ]
        read_only_fields = fields
        extra_kwargs = {
            "title": {"help_text": 'A group chat\'s name ("" for none); always "" for a direct chat.'},
            "kind": {"help_text": "direct: the one private chat of two people (no title, no invite)."},
        }

    def get_member_count(self, session: ChatSession) -> int:
        counted = getattr(session, "member_count", None)
        return session.memberships.count() if counted is None else counted

    def get_last_read_seq(self, session: ChatSession) -> int:
        marked = getattr(session, "last_read_seq", None)
        if marked is None:
            user = self.context["request"].user
            marked = (
                Membership.objects.filter(session=session, user=user).values_list("last_read_seq", flat=True).first()
            )
        return marked or 0

    @extend_schema_field(serializers.ChoiceField(choices=Role.choices, help_text="The caller's role in this chat."))
    def get_role(self, session: ChatSession) -> str:
        return session.role_of(self.context["request"].user.pk)

    @extend_schema_field(InviteSerializer(allow_null=True, help_text="null for a direct chat."))
    def get_invite(self, session: ChatSession) -> dict | None:
        if session.kind != ChatSession.Kind.GROUP or not session.invite_code:
            return None
        url = self.context["request"].build_absolute_uri(f"/join/{session.invite_code}")
        return {"code": session.invite_code, "url": url}


class LastMessageSerializer(serializers.Serializer):
    seq = serializers.IntegerField()
    kind = serializers.ChoiceField(choices=Message.Kind.choices)
    user = PublicUserSerializer()
    excerpt = serializers.CharField(
        help_text=f"The text, one line, at most {EXCERPT_LENGTH} characters; a system message in words "
        '("ana joined"); "" once deleted.'
    )
    deleted = serializers.BooleanField()
    created_at = serializers.DateTimeField()


class ChatSummarySerializer(serializers.Serializer):
    """Documents a chat list entry (built by chat_list.py, and pushed as {"type": "chat", "chat": …})."""

    uri = serializers.CharField()
    title = serializers.CharField(allow_blank=True)
    kind = serializers.ChoiceField(choices=ChatSession.Kind.choices)
    owner = PublicUserSerializer()
    member_count = serializers.IntegerField()
    members_preview = PublicUserSerializer(many=True, help_text="The first five members, longest-standing first.")
    last_message = LastMessageSerializer(allow_null=True)
    last_seq = serializers.IntegerField()
    last_activity_at = serializers.DateTimeField()
    last_read_seq = serializers.IntegerField(help_text="The caller's read mark: the newest seq they have seen.")
    unread_count = serializers.IntegerField(help_text="last_seq - last_read_seq.")
    mention_count = serializers.IntegerField(help_text="The caller's unread mentions in this chat.")
    role = serializers.ChoiceField(choices=Role.choices, help_text="The caller's role in this chat.")


class ReadMarkSerializer(serializers.Serializer):
    seq = serializers.IntegerField(
        min_value=0, help_text="The newest seq seen; beyond the chat's last seq it is clamped, below the mark ignored."
    )


class ReadStateSerializer(serializers.Serializer):
    uri = serializers.CharField()
    last_read_seq = serializers.IntegerField()
    last_seq = serializers.IntegerField()
    unread_count = serializers.IntegerField()


class SessionCreateSerializer(serializers.Serializer):
    """Documents the POST body; the rules themselves are in services/ (text.py, direct.py)."""

    title = serializers.CharField(
        max_length=MAX_TITLE_LENGTH,
        required=False,
        allow_blank=True,
        default="",
        help_text="A group chat's name: trimmed, one line without control characters.",
    )
    direct = serializers.CharField(
        required=False,
        help_text="A username: open (201) or return (200) the one private chat with this person instead.",
    )


class SessionUpdateSerializer(serializers.Serializer):
    title = serializers.CharField(max_length=MAX_TITLE_LENGTH, allow_blank=True)


class JoinSerializer(serializers.Serializer):
    code = serializers.CharField(help_text="The invite code, as in the invite link `/join/<code>`.")


class MemberSerializer(serializers.Serializer):
    user = PublicUserSerializer()
    role = serializers.SerializerMethodField()
    joined_at = serializers.DateTimeField()

    @extend_schema_field(serializers.ChoiceField(choices=Role.choices))
    def get_role(self, membership: Membership) -> str:
        return self.context["session"].role_of(membership.user_id)


class MemberPageSerializer(serializers.Serializer):
    count = serializers.IntegerField()
    next = serializers.URLField(allow_null=True)
    previous = serializers.URLField(allow_null=True)
    results = MemberSerializer(many=True)


class SystemEventSerializer(serializers.Serializer):
    """What a system message (kind "system") tells; the people as they were named at the time.

    {"type": "join", "user"}; {"type": "leave", "user", "owner"?: the new owner when the owner
    left}; {"type": "remove", "user", "by"}; {"type": "rename", "user", "title"}.
    """

    type = serializers.ChoiceField(choices=["join", "leave", "remove", "rename"])
    user = PublicUserSerializer(help_text="Who joined, left, was removed, or renamed the chat.")
    by = PublicUserSerializer(required=False, help_text="remove: the owner who removed `user`.")
    title = serializers.CharField(required=False, help_text='rename: the new title ("" when it was taken away).')
    owner = PublicUserSerializer(required=False, help_text="leave: the new owner, when the owner was the one leaving.")


class ReplyQuoteSerializer(serializers.Serializer):
    """What a reply shows of its original: the current excerpt, or nothing once it is deleted."""

    seq = serializers.IntegerField()
    user = PublicUserSerializer()
    excerpt = serializers.SerializerMethodField()
    deleted = serializers.BooleanField()

    def get_excerpt(self, original: Message) -> str:
        if original.deleted:
            return ""
        if not original.text and original.attachment_count:  # files without a caption
            return "(1 file)" if original.attachment_count == 1 else f"({original.attachment_count} files)"
        return shorten(original.text, EXCERPT_LENGTH)


class ReactionSummarySerializer(serializers.Serializer):
    emoji = serializers.CharField()
    count = serializers.IntegerField()
    user_ids = serializers.ListField(child=serializers.IntegerField())


class AttachmentSerializer(serializers.Serializer):
    """A file uploaded to a chat (backend/files renders it; its shape is documented here, where
    the message that carries it is)."""

    id = serializers.IntegerField(help_text="Named in a message's `attachments` to send it.")
    name = serializers.CharField(help_text="The file name, sanitized.")
    size = serializers.IntegerField(help_text="Bytes.")
    content_type = serializers.CharField(help_text="Decided from the bytes, not from the name or the client's claim.")
    url = serializers.CharField(help_text="Download (members only; send the token).")
    thumbnail_url = serializers.CharField(allow_null=True, help_text="A small image (members only); null if none.")
    width = serializers.IntegerField(allow_null=True, help_text="An image's width in pixels, as shown.")
    height = serializers.IntegerField(allow_null=True, help_text="An image's height in pixels, as shown.")


class MessageSerializer(serializers.ModelSerializer):
    """Rendered once per change (rendering.py) and served to every viewer alike."""

    user = PublicUserSerializer(read_only=True)
    message = serializers.CharField(source="text")
    reply_to = ReplyQuoteSerializer(allow_null=True)
    reactions = ReactionSummarySerializer(many=True, source="reaction_summary")
    mentions = serializers.ListField(child=serializers.IntegerField())
    attachments = AttachmentSerializer(many=True, source="attachment_summary")
    event = SystemEventSerializer(allow_null=True, help_text="A system message's event; null for a text message.")
    idempotency_key = serializers.CharField(
        allow_null=True,
        help_text="The Idempotency-Key its author's client sent (null if none): the author's other "
        "copy of the app knows its queued message by it when it arrives by push or poll first.",
    )

    class Meta:
        model = Message
        fields = [
            "id",
            "seq",
            "rev",
            "kind",
            "event",
            "user",
            "message",
            "created_at",
            "edited_at",
            "deleted",
            "is_bot",
            "reply_to",
            "reactions",
            "attachments",
            "mentions",
            "idempotency_key",
        ]
        read_only_fields = fields  # an output shape: every field is always there


class MessageCreateSerializer(serializers.Serializer):
    """Documents the POST body for the schema; the rules themselves are in services/text.py."""

    message = serializers.CharField(
        max_length=MAX_MESSAGE_LENGTH,
        required=False,
        allow_blank=True,
        help_text="The text; may be left out or blank when the message carries attachments (a caption).",
    )
    reply_to = serializers.IntegerField(min_value=1, required=False, help_text="The seq of a message of this chat.")
    attachments = serializers.ListField(
        child=serializers.IntegerField(min_value=1),
        required=False,
        max_length=10,
        help_text="Ids of the caller's uploads to this chat (`POST /api/chats/<uri>/attachments/`), sent with it.",
    )


class MessageEditSerializer(serializers.Serializer):
    message = serializers.CharField(max_length=MAX_MESSAGE_LENGTH)


class MessagePageSerializer(serializers.Serializer):
    uri = serializers.CharField()
    messages = MessageSerializer(many=True)
    rev = serializers.IntegerField(help_text="The cursor to poll from next: `since=<rev>`.")
    last_seq = serializers.IntegerField()
    has_more = serializers.BooleanField(help_text="The page was cut by `limit` in the direction it reads.")


class NotificationSerializer(serializers.ModelSerializer):
    actor = PublicUserSerializer(read_only=True)
    session = serializers.SlugRelatedField(slug_field="uri", read_only=True)
    seq = serializers.IntegerField(
        source="message.seq",
        allow_null=True,
        default=None,
        help_text="A mention's message (open it with around=<seq>).",
    )

    class Meta:
        model = Notification
        fields = ["id", "kind", "text", "actor", "session", "seq", "read", "created_at"]
        read_only_fields = fields


class NotificationReadAllSerializer(serializers.Serializer):
    marked = serializers.IntegerField(help_text="How many were unread.")


class ConfigSerializer(serializers.Serializer):
    message_max_length = serializers.IntegerField()
    title_max_length = serializers.IntegerField()
    bot_username = serializers.CharField()
    upload_max_bytes = serializers.IntegerField(help_text="The largest file an upload may be (MYCHAT_MAX_UPLOAD_MB).")
    avatar_max_bytes = serializers.IntegerField(help_text="The largest profile picture upload (MYCHAT_AVATAR_MAX_MB).")
