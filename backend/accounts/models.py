"""The look-alike key of each username, unique: two users never share a name a reader would confuse."""

from django.conf import settings
from django.db import models

# A username is at most 150 characters; NFKC can lengthen some (ﷺ becomes 18). Longer keys are
# refused at sign-up, which keeps the unique index's entries well inside PostgreSQL's limit.
KEY_MAX_LENGTH = 300


class UsernameKey(models.Model):
    """`key` is usernames.username_key(user.username); its unique index is what makes two sign-ups
    of look-alike names at the same moment end with one account, not two. A user made before the
    keys existed whose name looks like an earlier user's has no row (manage.py
    report_lookalike_usernames lists them); nobody new can take a name like either."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="username_key")
    key = models.CharField(max_length=KEY_MAX_LENGTH, unique=True)

    def __str__(self):
        return self.key
