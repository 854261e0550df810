"""Search: the messages of one's chats that contain some words, newest first."""

import json

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework.response import Response
from rest_framework.views import APIView

from backend.chat.rendering import messages_json
from backend.chat.selectors import session_get_for_member
from backend.web.throttles import SearchThrottle

from . import selectors
from .query import MAX_LIMIT, parse_cursor, parse_limit, parse_query
from .serializers import QUERY_HELP, SearchPageSerializer


class SearchView(APIView):
    throttle_classes = [SearchThrottle]

    @extend_schema(
        parameters=[
            OpenApiParameter("q", str, required=True, description=QUERY_HELP),
            OpenApiParameter("chat", str, description="Only this chat (its URI); 403 if not a member, 404 unknown."),
            OpenApiParameter("before", str, description="The `next` of the previous page: older results."),
            OpenApiParameter("limit", int, description=f"Results per page (default 20, max {MAX_LIMIT})."),
        ],
        responses=SearchPageSerializer,
    )
    def get(self, request):
        params = request.query_params
        query = parse_query(params.get("q"))
        before = parse_cursor(params.get("before"))
        limit = parse_limit(params.get("limit"))
        uri = params.get("chat")
        if uri is not None and (not uri.strip() or "\x00" in uri):
            raise ValidationError({"chat": [_("Pass a chat's URI, or leave `chat` out to search every chat.")]})
        session = session_get_for_member(uri=uri, user=request.user) if uri else None
        messages, has_more = selectors.message_search(
            user=request.user, query=query, session=session, before=before, limit=limit
        )
        results = [
            {
                "chat": {"uri": m.session.uri, "title": m.session.title, "kind": m.session.kind},
                "message": json.loads(rendered),
                "highlights": selectors.highlights(m.text, query.terms),
            }
            for m, rendered in zip(messages, messages_json(messages), strict=True)
        ]
        next_cursor = str(messages[-1].pk) if has_more else None
        return Response({"results": results, "next": next_cursor}, headers={"Cache-Control": "private, no-store"})
