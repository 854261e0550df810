"""App config: connects the "/" hook to the chat's message_created signal."""
from django.apps import AppConfig


class AutoreplyConfig(AppConfig):
    name = "backend.autoreply"
    label = "autoreply"
    verbose_name = "Bot"

    def ready(self):
        from . import hook  # noqa: F401  (connects the receiver)
        from .registry import load_command_modules

        load_command_modules()
