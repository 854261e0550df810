"""The client's language where Django's LocaleMiddleware does not run: before Django (the body
limit's refusals) and on WebSockets (their error frames). Picked as LocaleMiddleware picks it."""

from django.conf import settings
from django.utils.translation.trans_real import get_supported_language_variant, parse_accept_lang_header


def supported_language(code: str) -> str | None:
    """One of settings.LANGUAGES for a tag (zh-TW is zh-hant, ko-KR is ko), else None."""
    try:
        return get_supported_language_variant(code[:35].lower())
    except LookupError:
        return None


def language_from_header(accept_language: str) -> str:
    """The first of our languages an Accept-Language header asks for, else the default."""
    for code, _quality in parse_accept_lang_header(accept_language[:255]):
        if code == "*":
            break
        if found := supported_language(code):
            return found
    return settings.LANGUAGE_CODE
