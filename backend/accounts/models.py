"""A person's profile: the name others see, their picture and the language of their app.

One row per user, made on the first change (a user without one shows their username, no picture
and the browser's language). `version` moves with every change others can see (the name, the
picture), so that message JSON rendered once and cached (chat/rendering.py) is keyed by it and a
rename shows on old messages at the next read.
"""

import secrets

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

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
