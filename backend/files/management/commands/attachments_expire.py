"""Removes uploads never sent with a message within 24 hours (the bot worker's loop runs it too)."""

from django.core.management.base import BaseCommand

from backend.files.services import attachments_expire


class Command(BaseCommand):
    help = "Remove attachments uploaded more than 24 hours ago and never sent with a message."

    def handle(self, *args, **options):
        self.stdout.write(f"Removed {attachments_expire()} unsent attachment(s).")
