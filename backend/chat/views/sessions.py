"""Sessions, notifications and the app's configuration: thin views over services and selectors."""

from django.conf import settings
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import status
from rest_framework.exceptions import ValidationError
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.views import APIView

from backend.web.requests import json_object
from backend.web.throttles import ChangeChatThrottle, CreateChatThrottle

from .. import notifications, selectors, services
from ..models import MAX_MESSAGE_LENGTH, MAX_TITLE_LENGTH
from ..serializers import (
    ConfigSerializer,
    NotificationSerializer,
    SessionCreateSerializer,
    SessionSerializer,
    SessionUpdateSerializer,
)


def session_body(request, session) -> dict:
    """The session as the caller sees it (their role, the invite link on this host)."""
    session = selectors.session_with_members(session=session)
    return SessionSerializer(session, context={"request": request}).data


class SessionListView(APIView):
    throttle_classes = [CreateChatThrottle]

    @extend_schema(responses=SessionSerializer(many=True))
    def get(self, request):
        """The caller's chats (not those they left), latest activity first."""
        sessions = selectors.session_list_for_user(user=request.user)
        return Response(SessionSerializer(sessions, many=True, context={"request": request}).data)

    @extend_schema(request=SessionCreateSerializer, responses={200: SessionSerializer, 201: SessionSerializer})
    def post(self, request):
        """Start a group chat (201), or with `direct` open the private chat with that person (201,
        or 200 when it exists: whichever of the two had left it is back in)."""
        data = json_object(request) if request.data != {} else {}  # no body: an untitled chat
        if "direct" in data:
            if data.get("title"):
                raise ValidationError({"title": ["A direct chat has no title: it is named after the other person."]})
            session, created = services.session_direct_open(user=request.user, username=data["direct"])
        else:
            session, created = services.session_create(owner=request.user, title=data.get("title", "")), True
        return Response(session_body(request, session), status=status.HTTP_201_CREATED if created else 200)


class SessionDetailView(APIView):
    throttle_classes = [ChangeChatThrottle]

    @extend_schema(responses=SessionSerializer)
    def get(self, request, uri):
        session = selectors.session_get_for_member(uri=uri, user=request.user)
        return Response(session_body(request, session))

    @extend_schema(request=SessionUpdateSerializer, responses=SessionSerializer)
    def patch(self, request, uri):
        """The owner renames the chat (told in the chat as a system message, unless unchanged)."""
        session = selectors.session_get_for_member(uri=uri, user=request.user)
        data = json_object(request)
        if "title" not in data:
            raise ValidationError({"title": ["This field is required."]})
        session = services.session_rename(session=session, user=request.user, title=data["title"])
        return Response(session_body(request, session))

    @extend_schema(request=None, responses={204: None})
    def delete(self, request, uri):
        """The owner deletes the chat for everyone: nothing of it is readable afterwards."""
        session = selectors.session_get_for_member(uri=uri, user=request.user)
        services.session_delete(session=session, user=request.user)
        return Response(status=status.HTTP_204_NO_CONTENT)


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
            "upload_max_bytes": settings.MYCHAT_MAX_UPLOAD_MB * 1024 * 1024,
        }
        return Response(ConfigSerializer(config).data)
