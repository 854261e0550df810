"""Writes of accounts: creating a user (the slow part, hashing the password, kept out of the
write transaction), the look-alike key that keeps a username from impersonating another, signing
devices in and out, and changing one's profile (name, language, picture)."""

import logging
import unicodedata

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import DatabaseError, IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .avatars import NotAnImage, TooManyPixels, avatar_webp
from .models import (
    KEY_MAX_LENGTH,
    LAST_USED_EVERY_SECONDS,
    MAX_DISPLAY_NAME_LENGTH,
    DeviceToken,
    Language,
    Profile,
    UsernameKey,
    avatar_name,
)
from .user_agents import device_name
from .usernames import reserved_keys, username_key

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


def clean_display_name(value: object) -> str:
    """NFC, trimmed, at most MAX_DISPLAY_NAME_LENGTH characters, one line without control or
    format characters (a right-to-left override could dress one name up as another); "" = none."""
    if not isinstance(value, str):
        raise ValidationError({"display_name": [_("Must be text.")]})
    name = unicodedata.normalize("NFC", value).strip()
    if any(_unprintable(ch) for ch in name):
        raise ValidationError({"display_name": [_("Use one line of visible characters: no control characters.")]})
    if len(name) > MAX_DISPLAY_NAME_LENGTH:
        raise ValidationError(
            {"display_name": [_("At most %(limit)d characters.") % {"limit": MAX_DISPLAY_NAME_LENGTH}]}
        )
    return name


def _unprintable(ch: str) -> bool:
    if ch in _JOINERS:
        return False  # emoji sequences (👩‍💻) and some scripts need them
    return unicodedata.category(ch).startswith("C") or unicodedata.category(ch) in ("Zl", "Zp")


_JOINERS = {"\u200c", "\u200d"}


def clean_language(value: object) -> str:
    if value not in Language.values:
        choices = ", ".join(code for code in Language.values if code)
        raise ValidationError({"language": [_("One of %(choices)s, or empty.") % {"choices": choices}]})
    return value


def _refuse_someone_elses_name(*, user, name: str) -> None:
    """A display name may not look like another person's username, the bot's or a reserved name
    (the look-alike key of usernames.py): "bob" or "hubot" as alice's display name would let her
    speak as them. Her own username, in any case or script, is hers to use."""
    if not name:
        return
    key = username_key(name)
    if key in reserved_keys():
        raise ValidationError({"display_name": [_("That name is reserved.")]})
    if UsernameKey.objects.filter(key=key).exclude(user=user).exists():
        raise ValidationError({"display_name": [_("That is someone else's username here; choose another name.")]})


def profile_update(*, user, display_name: object = None, language: object = None) -> Profile:
    """Changes the caller's name and language (None: unchanged). A new name takes a new version,
    so the messages rendered with the old one are rendered again when next read."""
    changes = {}
    if display_name is not None:
        changes["display_name"] = clean_display_name(display_name)
        _refuse_someone_elses_name(user=user, name=changes["display_name"])
    if language is not None:
        changes["language"] = clean_language(language)
    with transaction.atomic():
        profile, _created = Profile.objects.select_for_update().get_or_create(user=user)
        seen = "display_name" in changes and changes["display_name"] != profile.display_name
        for field, value in changes.items():
            setattr(profile, field, value)
        if seen:
            profile.version += 1
        profile.save()
    user.profile = profile
    return profile


class AvatarTooLarge(Exception):
    """Over MYCHAT_AVATAR_MAX_MB: a 413."""


def avatar_max_bytes() -> int:
    return settings.MYCHAT_AVATAR_MAX_MB * 1024 * 1024


def avatar_set(*, user, upload) -> Profile:
    """A new picture from an upload: decoded, cropped, shrunk and re-encoded (avatars.py); the old
    one is deleted once the new one is in place."""
    if upload is None or not hasattr(upload, "read"):
        raise ValidationError({"file": [_("No picture was sent (a multipart field named `file`).")]})
    if upload.size == 0:
        raise ValidationError({"file": [_("The file is empty.")]})
    if upload.size > avatar_max_bytes():
        raise AvatarTooLarge()
    try:
        webp = avatar_webp(upload)
    except TooManyPixels:
        raise ValidationError({"file": [_("This picture has too many pixels; use a smaller one.")]}) from None
    except NotAnImage:
        raise ValidationError({"file": [_("Not a picture: use a PNG, JPEG, GIF or WebP image.")]}) from None
    # Storage first, outside any transaction (it may be a network service); then one quick update.
    stored = default_storage.save(avatar_name(None, ""), ContentFile(webp))
    try:
        old = _avatar_replace(user=user, name=stored)
    except BaseException:
        _storage_delete(stored)
        raise
    transaction.on_commit(lambda: _storage_delete(old))
    return user.profile


def avatar_remove(*, user) -> Profile:
    old = _avatar_replace(user=user, name="")
    transaction.on_commit(lambda: _storage_delete(old))
    return user.profile


@transaction.atomic
def _avatar_replace(*, user, name: str) -> str:
    """Points the profile at the picture `name` ("" none); returns the previous one's name."""
    profile, _created = Profile.objects.select_for_update().get_or_create(user=user)
    old = profile.avatar.name
    if old != name:
        profile.avatar = name
        profile.version += 1
        profile.save()
    user.profile = profile
    return old


def _storage_delete(name: str) -> None:
    if not name:
        return
    try:
        default_storage.delete(name)
    except Exception:  # storage down: the bytes stay, unreachable (no profile names them)
        log.exception("could not delete stored avatar %s", name)
