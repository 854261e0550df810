"""Members: the paged list, joining with the invite code, leaving, removal, resetting the invite."""

from django.core.exceptions import PermissionDenied
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import status
from rest_framework.pagination import PageNumberPagination
from rest_framework.response import Response
from rest_framework.views import APIView

from backend.web.requests import json_object
from backend.web.schema import ErrorSerializer
from backend.web.throttles import ChangeChatThrottle, JoinChatThrottle

from .. import selectors, services
from ..serializers import JoinSerializer, MemberPageSerializer, MemberSerializer, SessionSerializer
from .sessions import session_body

NOT_JOINED_BY_URI = "Joining needs the invite link: POST /api/chats/join/ with its code."


class MemberPagination(PageNumberPagination):
    page_size = 50


class MembersView(APIView):
    throttle_classes = [JoinChatThrottle]

    @extend_schema(
        parameters=[OpenApiParameter("page", int, description="1, 2, …: 50 members a page.")],
        responses=MemberPageSerializer,
    )
    def get(self, request, uri):
        """The chat's members (members only), longest-standing first, with their roles."""
        session = selectors.session_get_for_member(uri=uri, user=request.user)
        paginator = MemberPagination()
        page = paginator.paginate_queryset(selectors.member_list(session=session), request, view=self)
        return paginator.get_paginated_response(MemberSerializer(page, many=True, context={"session": session}).data)

    @extend_schema(request=None, responses={200: SessionSerializer})
    def post(self, request, uri):
        """v1's join by URI: now a member's no-op (200). Anyone else needs the invite code (403):
        the URI alone would let a removed member walk back in."""
        try:
            session = selectors.session_get_for_member(uri=uri, user=request.user)
        except PermissionDenied:
            raise PermissionDenied(NOT_JOINED_BY_URI) from None
        return Response(session_body(request, session))


class MemberDetailView(APIView):
    throttle_classes = [ChangeChatThrottle]

    @extend_schema(request=None, responses={204: None})
    def delete(self, request, uri, member):
        """The owner removes a member; `me` (or one's own id) leaves. The owner leaving hands the
        chat to the longest-standing member; the last member leaving deletes it."""
        session = selectors.session_get_for_member(uri=uri, user=request.user)
        member_id = request.user.pk if member == "me" else int(member)
        services.membership_remove(session=session, user=request.user, member_id=member_id)
        return Response(status=status.HTTP_204_NO_CONTENT)


class JoinView(APIView):
    throttle_classes = [JoinChatThrottle]

    @extend_schema(
        request=JoinSerializer, responses={200: SessionSerializer, 201: SessionSerializer, 404: ErrorSerializer}
    )
    def post(self, request):
        """Join with an invite code: 201 when new, 200 when already a member, 404 for a code that
        is not (or no longer) any chat's."""
        code = json_object(request).get("code")
        session, created = services.membership_join_by_invite(user=request.user, code=code)
        return Response(session_body(request, session), status=status.HTTP_201_CREATED if created else 200)


class InviteView(APIView):
    throttle_classes = [ChangeChatThrottle]

    @extend_schema(request=None, responses=SessionSerializer)
    def post(self, request, uri):
        """The owner resets the invite: a new code and link; the old link stops working."""
        session = selectors.session_get_for_member(uri=uri, user=request.user)
        session = services.invite_rotate(session=session, user=request.user)
        return Response(session_body(request, session))
