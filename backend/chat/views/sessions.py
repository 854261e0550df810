"""Sessions, notifications and the app's configuration: thin views over services and selectors."""

from django.conf import settings
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import status
from rest_framework.exceptions import ValidationError
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.views import APIView

from backend.web.requests import json_object
from backend.web.schema import ErrorSerializer
from backend.web.throttles import ChangeChatThrottle, CreateChatThrottle, ReadMarkThrottle

from .. import chat_list, notifications, selectors, services
from ..models import MAX_MESSAGE_LENGTH, MAX_TITLE_LENGTH
from ..paging import etag_matches
from ..serializers import (
    ChatSummarySerializer,
    ConfigSerializer,
    NotificationReadAllSerializer,
    NotificationSerializer,
    ReadMarkSerializer,
    ReadStateSerializer,
    SessionCreateSerializer,
    SessionSerializer,
    SessionUpdateSerializer,
)


def session_body(request, session) -> dict:
    """The session as the caller sees it (their role and read mark, the invite link on this host)."""
    session = selectors.session_with_members(session=session, user=request.user)
    return SessionSerializer(session, context={"request": request}).data


class SessionListView(APIView):
    throttle_classes = [CreateChatThrottle]

    @extend_schema(
        parameters=[OpenApiParameter("If-None-Match", str, OpenApiParameter.HEADER, description="The list's ETag.")],
        responses={200: ChatSummarySerializer(many=True), 304: None},
    )
    def get(self, request):
        """The caller's chats (not those they left), latest activity first, as summaries. Carries
        an ETag; 304 when nothing in the list changed for the caller."""
        etag = chat_list.list_etag(user=request.user)
        headers = {"ETag": etag, "Cache-Control": "private, no-store", "Vary": "Authorization"}
        if etag_matches(request.headers.get("If-None-Match"), etag):
            return Response(status=status.HTTP_304_NOT_MODIFIED, headers=headers)
        return Response(chat_list.chat_summaries(user=request.user), headers=headers)

    @extend_schema(
        request=SessionCreateSerializer,
        responses={200: SessionSerializer, 201: SessionSerializer, 404: ErrorSerializer},  # 404: no such user
    )
    def post(self, request):
        """Start a group chat (201), or with `direct` open the private chat with that person (201,
        or 200 when it exists: whichever of the two had left it is back in)."""
        data = json_object(request) if request.data != {} else {}  # no body: an untitled chat
        if "direct" in data:
            if data.get("title"):
                raise ValidationError({"title": [_("A direct chat has no title: it is named after the other person.")]})
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
            raise ValidationError({"title": [_("This field is required.")]})
        session = services.session_rename(session=session, user=request.user, title=data["title"])
        return Response(session_body(request, session))

    @extend_schema(request=None, responses={204: None})
    def delete(self, request, uri):
        """The owner deletes the chat for everyone: nothing of it is readable afterwards."""
        session = selectors.session_get_for_member(uri=uri, user=request.user)
        services.session_delete(session=session, user=request.user)
        return Response(status=status.HTTP_204_NO_CONTENT)


class ReadView(APIView):
    throttle_classes = [ReadMarkThrottle]

    @extend_schema(request=ReadMarkSerializer, responses=ReadStateSerializer)
    def post(self, request, uri):
        """Move the caller's read mark forward to `seq` (never back; clamped to the last seq). The
        caller's mentions up to it are read too."""
        session = selectors.session_get_for_member(uri=uri, user=request.user)
        membership = services.read_mark(session=session, user=request.user, seq=json_object(request).get("seq"))
        body = {
            "uri": session.uri,
            "last_read_seq": membership.last_read_seq,
            "last_seq": session.last_seq,
            "unread_count": max(session.last_seq - membership.last_read_seq, 0),
        }
        return Response(body)


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


class NotificationReadAllView(APIView):
    @extend_schema(request=None, responses=NotificationReadAllSerializer)
    def post(self, request):
        """Mark every notification of the caller read."""
        return Response({"marked": notifications.notification_mark_all_read(user=request.user)})


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
            "avatar_max_bytes": settings.MYCHAT_AVATAR_MAX_MB * 1024 * 1024,
        }
        return Response(ConfigSerializer(config).data)
