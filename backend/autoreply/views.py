"""The bot's API: the command list the app uses for suggestions, generated from the registry."""

from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.response import Response
from rest_framework.views import APIView

from .registry import all_commands


class CommandSerializer(serializers.Serializer):
    name = serializers.CharField()
    usage = serializers.CharField()
    help = serializers.CharField()


class CommandListView(APIView):
    @extend_schema(responses=CommandSerializer(many=True))
    def get(self, request):
        return Response(CommandSerializer(all_commands(), many=True).data)
