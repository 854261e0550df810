"""Writes of accounts: creating a user (the slow part, hashing the password, kept out of the
write transaction), and the look-alike key that keeps a username from impersonating another."""

import logging

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from djoser.conf import settings as djoser_settings

from .models import KEY_MAX_LENGTH, UsernameKey
from .usernames import username_key

log = logging.getLogger(__name__)

NAME_TAKEN = _("That name is taken.")


def user_create(*, password: str, **fields):
    """A new user. The password is hashed first (hundreds of milliseconds of CPU by design), then
    the INSERTs alone are the write transaction: on SQLite every other writer waits while one holds
    the lock, so nothing slow may run inside it (docs/performance.md, "Class burst").

    Two people signing up with look-alike names at the same moment: the unique index on the key
    lets one in, and the other gets the 400 the serializer would have given had they come later."""
    User = get_user_model()
    manager = User._default_manager
    user = User(**fields)
    setattr(user, User.USERNAME_FIELD, User.normalize_username(user.get_username()))
    email_field = User.get_email_field_name()
    if getattr(user, email_field, None):
        setattr(user, email_field, manager.normalize_email(getattr(user, email_field)))
    user.set_password(password)  # the slow part: before BEGIN
    user._signing_up = True  # its key is written here, where a clash is the caller's 400 (signals.py)
    try:
        with transaction.atomic(using=manager.db):
            user.save(using=manager.db)
            UsernameKey.objects.using(manager.db).create(user=user, key=username_key(user.get_username()))
    except IntegrityError as error:
        raise ValidationError({User.USERNAME_FIELD: [NAME_TAKEN]}) from error
    return user


def username_key_claim(*, user) -> bool:
    """Give a user made elsewhere than sign-up (the admin, createsuperuser, the bot) its key, so
    that nobody can sign up with a name like theirs. If the name already looks like another
    user's (the operator's choice), the user is kept without a key and the clash is logged."""
    key = username_key(user.get_username())
    if len(key) > KEY_MAX_LENGTH:
        return False
    try:
        with transaction.atomic():
            UsernameKey.objects.create(user=user, key=key)
    except IntegrityError:
        log.warning("username %r looks like an existing user's: kept without a look-alike key", user.get_username())
        return False
    return True


def password_reset_complete(*, user, password: str) -> None:
    """The new password from a reset link. Whoever asked for the reset may be locking someone out
    who had the old one: every token signed in with it ends (the link itself is spent, as its
    token covers the password hash)."""
    user.set_password(password)  # the slow part: before BEGIN
    user.last_login = timezone.now()
    with transaction.atomic():
        user.save(update_fields=["password", "last_login"])
        djoser_settings.TOKEN_MODEL.objects.filter(user=user).delete()
