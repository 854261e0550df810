"""Output shapes of search (for the schema; the view writes the same JSON)."""

from rest_framework import serializers

from backend.chat.serializers import MessageSerializer

from .query import MAX_QUERY_LENGTH


class SearchChatSerializer(serializers.Serializer):
    uri = serializers.CharField()
    title = serializers.CharField(help_text='The chat\'s title ("" for a direct chat).')
    kind = serializers.ChoiceField(choices=["group", "direct"])


class SearchResultSerializer(serializers.Serializer):
    chat = SearchChatSerializer()
    message = MessageSerializer()
    highlights = serializers.ListField(
        child=serializers.ListField(child=serializers.IntegerField(), min_length=2, max_length=2),
        help_text="[start, end) ranges of the matched words in message.message, in UTF-16 code units.",
    )


class SearchPageSerializer(serializers.Serializer):
    results = SearchResultSerializer(many=True)
    next = serializers.CharField(
        allow_null=True, help_text="Pass as `before` for the next (older) page; null when there is none."
    )


QUERY_HELP = (
    f"What to find (at most {MAX_QUERY_LENGTH} characters): words (each a case-insensitive substring), "
    '"an exact phrase", and the filters from:@name, in:<chat title>, before:YYYY-MM-DD, after:YYYY-MM-DD.'
)
