"""List the existing users whose names look alike (the same look-alike key). Renames nobody:
which account is the real one is for a person to decide."""

from collections import defaultdict

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand

from backend.accounts.usernames import reserved_keys, username_key


class Command(BaseCommand):
    help = "List groups of existing usernames that look alike, and usernames that look like a reserved name."

    def handle(self, *args, **options):
        User = get_user_model()
        groups = defaultdict(list)
        rows = User._default_manager.order_by("pk").values_list("pk", "username", "date_joined", "is_active")
        for user_id, username, joined, active in rows.iterator():
            if username == settings.MYCHAT_BOT_USERNAME:
                continue  # the bot's own account holds the bot's name
            groups[username_key(username)].append((user_id, username, joined, active))
        reserved = reserved_keys()
        found = 0
        for key, users in sorted(groups.items()):
            if len(users) < 2 and key not in reserved:
                continue
            found += 1
            why = "looks like a reserved name" if key in reserved else f"{len(users)} look-alike names"
            self.stdout.write(f"{users[0][1]!r}: {why}")
            for user_id, username, joined, active in users:
                state = "" if active else " (inactive)"
                self.stdout.write(f"  id {user_id}  {username!r}  joined {joined:%Y-%m-%d}{state}")
        self.stdout.write(f"{found} group(s) found." if found else "No look-alike usernames.")
