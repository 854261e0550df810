"""Djoser's user-facing messages, named here so that `makemessages` keeps them in our catalogues:
Djoser ships no Chinese or Korean, so backend/locale translates them (docs/i18n.md). Nothing
imports this module; gettext_noop only marks the strings."""

from django.utils.translation import gettext_noop

DJOSER_MESSAGES = (
    gettext_noop("Unable to log in with provided credentials."),
    gettext_noop("The two password fields didn't match."),
    gettext_noop("Invalid password."),
    gettext_noop("Unable to create account."),
    gettext_noop("Invalid token for given user."),
    gettext_noop("Stale token for given user."),
    gettext_noop("Invalid user id or user doesn't exist."),
    gettext_noop("User with given email does not exist."),
)
