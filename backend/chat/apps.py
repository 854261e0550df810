"""App config for chat sessions, members and messages."""
from django.apps import AppConfig


class ChatConfig(AppConfig):
    name = "backend.chat"
    label = "chat"
    verbose_name = "Chat"
