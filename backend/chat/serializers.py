"""Output shapes of the chat API (input rules live in services.py)."""

from rest_framework import serializers

from backend.accounts.serializers import PublicUserSerializer

from .models import MAX_MESSAGE_LENGTH, MAX_TITLE_LENGTH, ChatSession, Message, Notification


class SessionSerializer(serializers.ModelSerializer):
    owner = PublicUserSerializer(read_only=True)
    members = PublicUserSerializer(many=True, read_only=True)

    class Meta:
        model = ChatSession
        fields = ["uri", "title", "owner", "members", "created_at", "last_seq", "last_activity_at"]


class SessionCreateSerializer(serializers.Serializer):
    title = serializers.CharField(max_length=MAX_TITLE_LENGTH, required=False, allow_blank=True, default="")


class MessageSerializer(serializers.ModelSerializer):
    user = PublicUserSerializer(read_only=True)
    message = serializers.CharField(source="text")

    class Meta:
        model = Message
        fields = ["id", "seq", "user", "message", "created_at", "is_bot"]


class MessageCreateSerializer(serializers.Serializer):
    """Documents the POST body for the schema; the rules themselves are in services.clean_message_text."""

    message = serializers.CharField(max_length=MAX_MESSAGE_LENGTH)


class MessagePageSerializer(serializers.Serializer):
    uri = serializers.CharField()
    messages = MessageSerializer(many=True)
    last_seq = serializers.IntegerField()


class NotificationSerializer(serializers.ModelSerializer):
    actor = PublicUserSerializer(read_only=True)
    session = serializers.SlugRelatedField(slug_field="uri", read_only=True)

    class Meta:
        model = Notification
        fields = ["id", "kind", "text", "actor", "session", "read", "created_at"]


class ConfigSerializer(serializers.Serializer):
    message_max_length = serializers.IntegerField()
    title_max_length = serializers.IntegerField()
    bot_username = serializers.CharField()
