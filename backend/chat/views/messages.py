"""Messages: the pages and the live cursor, posting, editing, deleting, reactions."""

from django.http import HttpResponse
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import status
from rest_framework.response import Response
from rest_framework.views import APIView

from backend.web.requests import json_object
from backend.web.schema import ErrorSerializer
from backend.web.throttles import ChangeMessageThrottle, PostMessageThrottle

from .. import selectors, services
from ..paging import DEFAULT_LIMIT, MAX_LIMIT, etag_matches, page_etag, parse_page_query
from ..rendering import message_json, messages_json, page_json
from ..serializers import MessageCreateSerializer, MessageEditSerializer, MessagePageSerializer, MessageSerializer

PAGE_PARAMETERS = [
    OpenApiParameter("since", int, description="The live cursor: messages changed after this rev, in rev order."),
    OpenApiParameter("after", int, description="Messages with a larger seq, oldest first."),
    OpenApiParameter("before", int, description="Messages with a smaller seq (paging back), oldest first."),
    OpenApiParameter("around", int, description="The messages around this seq (it included), oldest first."),
    OpenApiParameter("limit", int, description=f"At most this many (default {DEFAULT_LIMIT}, max {MAX_LIMIT})."),
]


def json_response(body: bytes, status_code: int = 200, headers: dict | None = None) -> HttpResponse:
    """Message JSON as rendered once (rendering.py), without a second encoding by DRF."""
    return HttpResponse(body, status=status_code, content_type="application/json", headers=headers)


class MessagesView(APIView):
    throttle_classes = [PostMessageThrottle]

    @extend_schema(parameters=PAGE_PARAMETERS, responses=MessagePageSerializer)
    def get(self, request, uri):
        query = parse_page_query(request.query_params)
        session = selectors.session_get_for_member(uri=uri, user=request.user)
        headers = {"Cache-Control": "private, no-store", "Vary": "Authorization"}
        etag = page_etag(rev=session.rev, query=query)
        if etag_matches(request.headers.get("If-None-Match"), etag):
            return Response(status=status.HTTP_304_NOT_MODIFIED, headers={"ETag": etag, **headers})
        messages, has_more = selectors.message_page(session=session, query=query)
        # The session was read first: a change that committed in between shows in the page already.
        newest = max([session.rev, *(message.rev for message in messages)])
        cursor = session.rev  # a page by seq says nothing of changes outside it
        if query.since is not None:
            cursor = messages[-1].rev if has_more else newest
        body = page_json(
            uri=uri, messages=messages_json(messages), rev=cursor, last_seq=session.last_seq, has_more=has_more
        )
        return json_response(body, headers={"ETag": page_etag(rev=newest, query=query), **headers})

    @extend_schema(request=MessageCreateSerializer, responses={201: MessageSerializer})
    def post(self, request, uri):
        session = selectors.session_get_for_member(uri=uri, user=request.user)
        data = json_object(request)
        message, _ = services.message_create(
            session=session,
            user=request.user,
            text=data.get("message"),
            reply_to=data.get("reply_to"),
            attachment_ids=data.get("attachments"),
            idempotency_key=request.headers.get("Idempotency-Key"),
        )
        return json_response(message_json(message), status.HTTP_201_CREATED)


class MessageDetailView(APIView):
    throttle_classes = [ChangeMessageThrottle]

    @extend_schema(request=MessageEditSerializer, responses={200: MessageSerializer, 409: ErrorSerializer})
    def patch(self, request, uri, seq):
        """Edit one's own message."""
        session = selectors.session_get_for_member(uri=uri, user=request.user)
        text = json_object(request).get("message")
        message = services.message_edit(session=session, user=request.user, seq=seq, text=text)
        return json_response(message_json(message))

    @extend_schema(request=None, responses={204: None})
    def delete(self, request, uri, seq):
        """Delete one's own message (the chat's owner: any message); it stays as a tombstone."""
        session = selectors.session_get_for_member(uri=uri, user=request.user)
        services.message_delete(session=session, user=request.user, seq=seq)
        return Response(status=status.HTTP_204_NO_CONTENT)


class ReactionView(APIView):
    throttle_classes = [ChangeMessageThrottle]

    @extend_schema(request=None, responses={200: MessageSerializer, 409: ErrorSerializer})
    def put(self, request, uri, seq, emoji):
        """React with an emoji (URL-encoded); doing it again changes nothing."""
        session = selectors.session_get_for_member(uri=uri, user=request.user)
        message = services.reaction_add(session=session, user=request.user, seq=seq, emoji=emoji)
        return json_response(message_json(message))

    @extend_schema(request=None, responses={200: MessageSerializer, 409: ErrorSerializer})
    def delete(self, request, uri, seq, emoji):
        """Take one's reaction back."""
        session = selectors.session_get_for_member(uri=uri, user=request.user)
        message = services.reaction_remove(session=session, user=request.user, seq=seq, emoji=emoji)
        return json_response(message_json(message))
