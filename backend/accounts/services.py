"""Writes of accounts: creating a user (the slow part, hashing the password, kept out of the
write transaction), the look-alike key that keeps a username from impersonating another, and
signing devices in and out."""

import logging

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import DatabaseError, IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .models import KEY_MAX_LENGTH, LAST_USED_EVERY_SECONDS, DeviceToken, UsernameKey
from .user_agents import device_name
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


def device_token_create(*, user, user_agent: str | None) -> DeviceToken:
    """Signing in on a device: a token of its own, named after its User-Agent. One INSERT."""
    return DeviceToken.objects.create(user=user, name=device_name(user_agent))


def device_token_end(*, token: DeviceToken) -> None:
    """Signing a device out: its token stops working, and its open sockets close (chat listens
    on the delete, on every process)."""
    DeviceToken.objects.filter(pk=token.pk).delete()


def device_tokens_end(*, user, keep: DeviceToken | None = None) -> int:
    """Every device of `user` signed out, but `keep` (the one asking, after a password change).
    Returns how many."""
    tokens = DeviceToken.objects.filter(user=user)
    if keep is not None:
        tokens = tokens.exclude(pk=keep.pk)
    return tokens.delete()[1].get(DeviceToken._meta.label, 0)


def device_token_touch(*, token: DeviceToken) -> None:
    """Note that the device was used now: at most one write per LAST_USED_EVERY_SECONDS per token,
    and never a reason to refuse the request."""
    now = timezone.now()
    if (now - token.last_used).total_seconds() < LAST_USED_EVERY_SECONDS:
        return
    token.last_used = now
    try:
        with transaction.atomic():  # a savepoint inside a caller's transaction: a failure stays here
            DeviceToken.objects.filter(pk=token.pk).update(last_used=now)
    except DatabaseError:
        pass  # a busy database: the note waits for the next request, which is not refused for it


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
        device_tokens_end(user=user)
