"""App config for attachments: files uploaded to a chat and sent with messages."""

from django.apps import AppConfig


class FilesConfig(AppConfig):
    name = "backend.files"
    label = "files"
    verbose_name = "Files"

    def ready(self):
        from django.db.models.signals import post_delete

        from backend.chat.extensions import register_attachments

        from .models import Attachment
        from .services import MessageAttachments, storage_remove_on_commit

        register_attachments(MessageAttachments())
        # Also when a chat (or a user) is deleted and its attachments go by cascade.
        post_delete.connect(storage_remove_on_commit, sender=Attachment, dispatch_uid="files.remove_stored")
