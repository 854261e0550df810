"""App config for chat sessions, members and messages."""

from django.apps import AppConfig


class ChatConfig(AppConfig):
    name = "backend.chat"
    label = "chat"
    verbose_name = "Chat"

    def ready(self):
        from django.db.models.signals import post_delete

        from backend.accounts.models import DeviceToken

        from .realtime import close_sockets_of_revoked_token

        post_delete.connect(
            close_sockets_of_revoked_token, sender=DeviceToken, dispatch_uid="chat.close_revoked_sockets"
        )
