"""Routes of the chat API."""

from django.urls import path, register_converter

from .views import members, messages, sessions


class SeqConverter:
    """A seq in a URL: digits that fit the database's 64-bit integers (anything longer is a 404)."""

    regex = "[0-9]{1,18}"
    to_python = staticmethod(int)
    to_url = staticmethod(str)


class MemberConverter:
    """A member in a URL: a user id, or `me`."""

    regex = "(?:me|[0-9]{1,18})"
    to_python = staticmethod(str)
    to_url = staticmethod(str)


class UriConverter:
    """A chat's URI in a URL: what `ChatSession.uri` can hold (anything else, a NUL included, is a 404)."""

    regex = "[A-Za-z0-9_-]{1,32}"
    to_python = staticmethod(str)
    to_url = staticmethod(str)


register_converter(UriConverter, "uri")
register_converter(SeqConverter, "seq")
register_converter(MemberConverter, "member")

urlpatterns = [
    path("config/", sessions.ConfigView.as_view(), name="config"),
    path("chats/", sessions.SessionListView.as_view(), name="chat-list"),
    path("chats/join/", members.JoinView.as_view(), name="chat-join"),  # before <uri>: "join" is no URI
    path("chats/<uri:uri>/", sessions.SessionDetailView.as_view(), name="chat-detail"),
    path("chats/<uri:uri>/members/", members.MembersView.as_view(), name="chat-members"),
    path("chats/<uri:uri>/members/<member:member>/", members.MemberDetailView.as_view(), name="chat-member"),
    path("chats/<uri:uri>/read/", sessions.ReadView.as_view(), name="chat-read"),
    path("chats/<uri:uri>/invite/", members.InviteView.as_view(), name="chat-invite"),
    path("chats/<uri:uri>/messages/", messages.MessagesView.as_view(), name="chat-messages"),
    path("chats/<uri:uri>/messages/<seq:seq>/", messages.MessageDetailView.as_view(), name="chat-message"),
    path(
        "chats/<uri:uri>/messages/<seq:seq>/reactions/<str:emoji>/",
        messages.ReactionView.as_view(),
        name="chat-message-reaction",
    ),
    path("notifications/", sessions.NotificationListView.as_view(), name="notification-list"),
    path("notifications/read-all/", sessions.NotificationReadAllView.as_view(), name="notification-read-all"),
    path(
        "notifications/<int:notification_id>/read/",
        sessions.NotificationReadView.as_view(),
        name="notification-read",
    ),
]
