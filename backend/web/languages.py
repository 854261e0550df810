"""The client's language: from Accept-Language for every request (the middleware below), before
Django (the body limit's refusals) and on WebSockets (their error frames)."""

import functools

from django.conf import settings
from django.middleware.locale import LocaleMiddleware
from django.utils import translation
from django.utils.cache import patch_vary_headers
from django.utils.translation.trans_real import get_supported_language_variant, parse_accept_lang_header


def supported_language(code: str) -> str | None:
    """One of settings.LANGUAGES for a tag (zh-TW is zh-hant, ko-KR is ko), else None."""
    try:
        return get_supported_language_variant(code[:35].lower())
    except LookupError:
        return None


@functools.lru_cache(maxsize=512)
def language_from_header(accept_language: str) -> str:
    """The first of our languages an Accept-Language header asks for, else the default."""
    for code, _quality in parse_accept_lang_header(accept_language[:255]):
        if code == "*":
            break
        if found := supported_language(code):
            return found
    return settings.LANGUAGE_CODE


class AcceptLanguageMiddleware(LocaleMiddleware):
    """Django's LocaleMiddleware, less what an API has no use for: no language prefix in the URL, no
    language cookie, no session. The Accept-Language header alone decides (the app sends its
    choice), and its answer is cached per header value: a third of LocaleMiddleware's cost per
    request (docs/i18n.md). Answers say Content-Language and vary on Accept-Language."""

    def process_request(self, request):
        language = language_from_header(request.META.get("HTTP_ACCEPT_LANGUAGE", ""))
        translation.activate(language)
        request.LANGUAGE_CODE = language

    def process_response(self, request, response):
        patch_vary_headers(response, ("Accept-Language",))
        response.headers.setdefault("Content-Language", getattr(request, "LANGUAGE_CODE", settings.LANGUAGE_CODE))
        return response
