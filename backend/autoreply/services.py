"""Writes of the bot that are not jobs or documents: its user."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ImproperlyConfigured

_bot_user_pk: dict[str, int] = {}


def bot_user():
    """The bot's user (created by a migration, so nobody can sign up with its name first).
    It has no usable password: nobody can log in as the bot."""
    username = settings.MYCHAT_BOT_USERNAME
    User = get_user_model()
    if username in _bot_user_pk:
        user = User.objects.filter(pk=_bot_user_pk[username]).first()
        if user is not None:
            return user
    user, created = User.objects.get_or_create(username=username)
    if created:
        user.set_unusable_password()
        user.save(update_fields=["password"])
    elif user.has_usable_password():
        raise ImproperlyConfigured(
            f"MYCHAT_BOT_USERNAME={username!r} names a person's account (it has a password); "
            "the bot will not post as them. Choose another name."
        )
    _bot_user_pk[username] = user.pk
    return user
