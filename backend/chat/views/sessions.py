"""Sessions, notifications and the app's configuration: thin views over services and selectors."""

from django.conf import settings
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import status
from rest_framework.exceptions import ParseError
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.views import APIView

from backend.web.requests import json_object

from .. import notifications, selectors, services
from ..models import MAX_MESSAGE_LENGTH, MAX_TITLE_LENGTH
from ..serializers import (
    ConfigSerializer,
    NotificationSerializer,
    SessionCreateSerializer,
    SessionSerializer,
)


class SessionListView(APIView):
    @extend_schema(responses=SessionSerializer(many=True))
    def get(self, request):
        sessions = selectors.session_list_for_user(user=request.user)
        return Response(SessionSerializer(sessions, many=True).data)

    @extend_schema(request=SessionCreateSerializer, responses={201: SessionSerializer})
    def post(self, request):
        data = json_object(request) if request.data else {}
        title = data.get("title", "")
        if not isinstance(title, str):
            raise ParseError({"title": ["Must be a string."]})
        session = services.session_create(owner=request.user, title=title)
        session = selectors.session_with_members(session=session)
        return Response(SessionSerializer(session).data, status=status.HTTP_201_CREATED)


class SessionDetailView(APIView):
    @extend_schema(responses=SessionSerializer)
    def get(self, request, uri):
        session = selectors.session_get_for_member(uri=uri, user=request.user)
        return Response(SessionSerializer(selectors.session_with_members(session=session)).data)


class MembersView(APIView):
    @extend_schema(request=None, responses={200: SessionSerializer, 201: SessionSerializer})
    def post(self, request, uri):
        """Join the session: whoever knows the URI may. 201 when new, 200 when already a member."""
        session = selectors.session_get(uri=uri)
        created = services.membership_join(session=session, user=request.user)
        body = SessionSerializer(selectors.session_with_members(session=session)).data
        return Response(body, status=status.HTTP_201_CREATED if created else status.HTTP_200_OK)


class NotificationListView(APIView):
    @extend_schema(
        parameters=[OpenApiParameter("unread", int, description="1: only unread ones.")],
        responses=NotificationSerializer(many=True),
    )
    def get(self, request):
        """The caller's own notifications, newest first (at most 100)."""
        unread_only = request.query_params.get("unread", "").lower() in {"1", "true", "yes"}
        found = notifications.notification_list(user=request.user, unread_only=unread_only)
        return Response(NotificationSerializer(found, many=True).data)


class NotificationReadView(APIView):
    @extend_schema(request=None, responses=NotificationSerializer)
    def post(self, request, notification_id):
        notification = notifications.notification_mark_read(notification_id=notification_id, user=request.user)
        return Response(NotificationSerializer(notification).data)


class ConfigView(APIView):
    """The limits and names the app needs before it talks to anyone: read here, never copied."""

    authentication_classes = []
    permission_classes = [AllowAny]

    @extend_schema(responses=ConfigSerializer)
    def get(self, request):
        config = {
            "message_max_length": MAX_MESSAGE_LENGTH,
            "title_max_length": MAX_TITLE_LENGTH,
            "bot_username": settings.MYCHAT_BOT_USERNAME,
        }
        return Response(ConfigSerializer(config).data)
