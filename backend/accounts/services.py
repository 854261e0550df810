"""Writes of accounts: creating a user, with the slow part (hashing the password) kept out of
the write transaction."""

from django.contrib.auth import get_user_model
from django.db import transaction


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
