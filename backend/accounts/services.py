"""Writes of accounts: creating a user, with the slow part (hashing the password) kept out of
the write transaction; signing devices in and out."""

from django.contrib.auth import get_user_model
from django.db import DatabaseError, transaction
from django.utils import timezone

from .models import LAST_USED_EVERY_SECONDS, DeviceToken
from .user_agents import device_name


def user_create(*, password: str, **fields):
    """A new user. The password is hashed first (hundreds of milliseconds of CPU by design), then
    the INSERT alone is the write transaction: on SQLite every other writer waits while one holds
    the lock, so nothing slow may run inside it (docs/performance.md, "Class burst")."""
    User = get_user_model()
    manager = User._default_manager
    user = User(**fields)
    setattr(user, User.USERNAME_FIELD, User.normalize_username(user.get_username()))
    email_field = User.get_email_field_name()
    if getattr(user, email_field, None):
        setattr(user, email_field, manager.normalize_email(getattr(user, email_field)))
    user.set_password(password)  # the slow part: before BEGIN
    with transaction.atomic():
        user.save(using=manager.db)
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
