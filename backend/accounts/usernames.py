"""Usernames that cannot impersonate: the look-alike key two names share when a reader could take
one for the other, the reserved names, and the names no reader could trust (Unicode TR39).

The key is NFKC, then case folding, then TR39's confusable skeleton (ICU's SpoofChecker, the
reference implementation, with the Unicode data of the system's ICU), then case folding again,
without the separators a username may hold (`. _ - + @`): `Alice`, `ALICE`, a Cyrillic `аlice`,
`ａｌｉｃｅ` and `alice.` share the key `alice`. Case wins over the skeleton where they disagree: a
capital I folds to i, so `paypaI` and `paypal` stay apart (the skeleton alone would merge I and l,
and with case folding then i and l too).

Names in one script (王小明, 김민수, さくら, Иван) and the mixes a writing system uses (Latin with
Han and kana, Han with Hangul) pass; a name that mixes, say, Latin and Cyrillic letters does not
("highly restrictive" in TR39's terms).
"""

import functools
import re
import unicodedata

import icu
from django.conf import settings

_SEPARATORS = re.compile(r"[._\-+@]")

# Names a user could take for the service speaking, compared by key like any other name. The
# bot's (settings.MYCHAT_BOT_USERNAME) is added to these; MYCHAT_RESERVED_USERNAMES adds more.
RESERVED_USERNAMES = (
    "admin administrator root system sysadmin superuser support help helpdesk info security abuse "
    "postmaster webmaster hostmaster noreply moderator mod staff owner operator official mychat bot "
    "everyone here channel all anonymous null undefined me"
).split()


@functools.cache
def _spoof_checker() -> icu.SpoofChecker:
    checker = icu.SpoofChecker()
    checker.setRestrictionLevel(icu.URestrictionLevel.HIGHLY_RESTRICTIVE)
    checker.setChecks(icu.USpoofChecks.RESTRICTION_LEVEL | icu.USpoofChecks.INVISIBLE | icu.USpoofChecks.MIXED_NUMBERS)
    return checker


def username_key(username: str) -> str:
    """The look-alike key: two usernames with the same key are one name to a reader."""
    folded = unicodedata.normalize("NFKC", username).casefold()
    skeleton = _spoof_checker().getSkeleton(0, folded)
    key = unicodedata.normalize("NFKC", skeleton).casefold()
    return _SEPARATORS.sub("", key) or key


def same_name(one: str, other: str) -> bool:
    """The same name written another way (case, full-width letters), not merely a look-alike."""
    return unicodedata.normalize("NFKC", one).casefold() == unicodedata.normalize("NFKC", other).casefold()


def is_untrustworthy(username: str) -> bool:
    """Whether the name mixes scripts no writing system mixes (Latin with Cyrillic, say), digits
    of different systems, or invisible repeated marks."""
    return _spoof_checker().check(unicodedata.normalize("NFKC", username)) != 0


def reserved_keys() -> frozenset[str]:
    names = [*RESERVED_USERNAMES, settings.MYCHAT_BOT_USERNAME, *settings.MYCHAT_RESERVED_USERNAMES]
    return frozenset(username_key(name) for name in names if name)
