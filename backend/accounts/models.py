"""Sign-in tokens, one per device: logging in again (on a phone, in another browser) adds one, and
logging out ends only the token that asked. The look-alike key of each username, unique: two users
never share a name a reader would confuse.

A person's profile: the name others see, their picture and the language of their app.

One row per user, made on the first change (a user without one shows their username, no picture
and the browser's language). `version` moves with every change others can see (the name, the
picture), so that message JSON rendered once and cached (chat/rendering.py) is keyed by it and a
rename shows on old messages at the next read.
"""

import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

# `last_used` is written at most once in this long per token: the poll and the chat list are read
# twice a second by every open tab, and a write per read would double their cost for a "last used"
# that people read in minutes and days. The lean poll lanes never write it.
LAST_USED_EVERY_SECONDS = 5 * 60
DEVICE_NAME_LENGTH = 100


def new_key() -> str:
    """40 hexadecimal characters, as DRF's tokens have (the lean lanes and the socket check the shape)."""
    return secrets.token_hex(20)


class DeviceToken(models.Model):
    """A signed-in device: its secret key, whose it is, what it is and when it was last seen."""

    key = models.CharField(_("key"), max_length=40, unique=True, default=new_key)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="device_tokens", verbose_name=_("user")
    )
    name = models.CharField(_("device"), max_length=DEVICE_NAME_LENGTH, blank=True)
    created = models.DateTimeField(_("signed in"), default=timezone.now)
    last_used = models.DateTimeField(_("last used"), default=timezone.now)

    class Meta:
        verbose_name = _("device sign-in")
        verbose_name_plural = _("device sign-ins")
        ordering = ["-last_used", "-pk"]

    def __str__(self) -> str:
        return f"{self.name or _('Unknown device')} ({self.user_id})"


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


MAX_DISPLAY_NAME_LENGTH = 50
AVATAR_SIZE = 256  # pixels, square: sharp at 64 CSS px on a 4x screen, 128 on a 2x
AVATAR_MAX_PIXELS = 40_000_000  # decoded whole (unless JPEG): more is refused, not tried


class Language(models.TextChoices):
    """The app's languages (mychat-frontend/src/i18n); "" is the browser's."""

    BROWSER = "", _("The browser's language")
    EN = "en", "English"
    ZH_CN = "zh-CN", "简体中文"
    ZH_TW = "zh-TW", "繁體中文"
    JA = "ja", "日本語"
    KO = "ko", "한국어"


def avatar_name(profile: "Profile", filename: str) -> str:
    """Random and new on every upload: the URL is unguessable and a replaced picture's URL dies."""
    return f"avatars/{secrets.token_urlsafe(24)}.webp"


class Profile(models.Model):
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, primary_key=True, related_name="profile"
    )
    display_name = models.CharField(max_length=MAX_DISPLAY_NAME_LENGTH, blank=True, default="")
    avatar = models.FileField(upload_to=avatar_name, max_length=100, blank=True)
    language = models.CharField(max_length=8, choices=Language.choices, blank=True, default="")
    version = models.PositiveIntegerField(default=0)
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return self.display_name or str(self.user_id)
