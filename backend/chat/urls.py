"""Routes of the chat API."""

from django.urls import path

from . import views

urlpatterns = [
    path("config/", views.ConfigView.as_view(), name="config"),
    path("chats/", views.SessionListView.as_view(), name="chat-list"),
    path("chats/<str:uri>/", views.SessionDetailView.as_view(), name="chat-detail"),
    path("chats/<str:uri>/members/", views.MembersView.as_view(), name="chat-members"),
    path("chats/<str:uri>/messages/", views.MessagesView.as_view(), name="chat-messages"),
    path("notifications/", views.NotificationListView.as_view(), name="notification-list"),
    path("notifications/<int:notification_id>/read/", views.NotificationReadView.as_view(), name="notification-read"),
]
