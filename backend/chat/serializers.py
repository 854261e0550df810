"""Output shapes of the chat API; the input serializers only document bodies for the schema (rules: services/)."""

from rest_framework import serializers

from backend.accounts.serializers import PublicUserSerializer

from .models import EXCERPT_LENGTH, MAX_MESSAGE_LENGTH, MAX_TITLE_LENGTH, ChatSession, Message, Notification
from .notifications import shorten


class SessionSerializer(serializers.ModelSerializer):
    owner = PublicUserSerializer(read_only=True)
    members = PublicUserSerializer(many=True, read_only=True)

    class Meta:
        model = ChatSession
        fields = ["uri", "title", "owner", "members", "created_at", "last_seq", "rev", "last_activity_at"]
        read_only_fields = fields


class SessionCreateSerializer(serializers.Serializer):
    title = serializers.CharField(max_length=MAX_TITLE_LENGTH, required=False, allow_blank=True, default="")


class ReplyQuoteSerializer(serializers.Serializer):
    """What a reply shows of its original: the current excerpt, or nothing once it is deleted."""

    seq = serializers.IntegerField()
    user = PublicUserSerializer()
    excerpt = serializers.SerializerMethodField()
    deleted = serializers.BooleanField()

    def get_excerpt(self, original: Message) -> str:
        return "" if original.deleted else shorten(original.text, EXCERPT_LENGTH)


class ReactionSummarySerializer(serializers.Serializer):
    emoji = serializers.CharField()
    count = serializers.IntegerField()
    user_ids = serializers.ListField(child=serializers.IntegerField())


class MessageSerializer(serializers.ModelSerializer):
    """Rendered once per change (rendering.py) and served to every viewer alike."""

    user = PublicUserSerializer(read_only=True)
    message = serializers.CharField(source="text")
    reply_to = ReplyQuoteSerializer(allow_null=True)
    reactions = ReactionSummarySerializer(many=True, source="reaction_summary")
    mentions = serializers.ListField(child=serializers.IntegerField())
    event = serializers.JSONField(allow_null=True, help_text='A system message\'s event: {"type", "user"}.')

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
            "mentions",
        ]
        read_only_fields = fields  # an output shape: every field is always there


class MessageCreateSerializer(serializers.Serializer):
    """Documents the POST body for the schema; the rules themselves are in services/text.py."""

    message = serializers.CharField(max_length=MAX_MESSAGE_LENGTH)
    reply_to = serializers.IntegerField(min_value=1, required=False, help_text="The seq of a message of this chat.")


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

    class Meta:
        model = Notification
        fields = ["id", "kind", "text", "actor", "session", "read", "created_at"]
        read_only_fields = fields


class ConfigSerializer(serializers.Serializer):
    message_max_length = serializers.IntegerField()
    title_max_length = serializers.IntegerField()
    bot_username = serializers.CharField()
