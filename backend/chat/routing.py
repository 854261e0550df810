"""WebSocket routes (the `ws/` counterpart of urls.py)."""

from django.urls import path

from . import consumers

websocket_urlpatterns = [
    path("ws/chats/<str:uri>/", consumers.ChatConsumer.as_asgi()),
    path("ws/notifications/", consumers.NotificationConsumer.as_asgi()),
]
