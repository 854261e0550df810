"""App config: connects the "/" hook to the chat's message_created signal."""

from django.apps import AppConfig


class AutoreplyConfig(AppConfig):
    name = "backend.autoreply"
    label = "autoreply"
    verbose_name = "Bot"

    def ready(self):
        from . import (
            commands,  # noqa: F401  (registers the built-in commands)
            hook,  # noqa: F401  (connects the receiver)
        )
        from .registry import load_plugin_modules

        load_plugin_modules()
