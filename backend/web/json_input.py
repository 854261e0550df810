"""JSON from outside (request bodies, socket frames), refused with a clear reason when it is hostile.

Python's parser turns some valid JSON into trouble further on: nesting a thousand levels deep is
a RecursionError (an uncaught 500, a dropped socket); `"\\ud800"` is a lone surrogate, a str that
cannot be encoded to UTF-8 when it is stored or sent on; `"\\u0000"` is a NUL character, which
PostgreSQL cannot store. No client of this API needs any of them, so they are refused here, once,
for every body and frame. The checks cost next to nothing for ordinary input: each runs only when
a cheap scan of the raw text says it might apply.
"""

import json
import re

from django.utils.translation import gettext as _
from rest_framework.exceptions import ParseError
from rest_framework.parsers import JSONParser, get_encoding

MAX_DEPTH = 32  # no body or frame of this API nests more than a few levels
_BRACKET_OR_STRING = re.compile(r'"(?:[^"\\]|\\.)*"|[\[\]{}]', re.DOTALL)
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")
_SURROGATE = re.compile("[\ud800-\udfff]")


class HostileJSON(ValueError):
    """Valid JSON this server refuses; the message says why, in words for the client."""


def _depth(text: str) -> int:
    deepest = depth = 0
    for token in _BRACKET_OR_STRING.finditer(text):
        bracket = token[0]
        if bracket in "[{":
            depth += 1
            deepest = max(deepest, depth)
        elif bracket in "]}":
            depth -= 1
    return deepest


def _strings(value):
    """Every string in a parsed value (keys too); its depth is bounded, so recursion is safe."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield key
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


def loads(text: str):
    """json.loads, strict (no NaN), raising ValueError for malformed JSON and HostileJSON for the above."""
    if text.count("[") + text.count("{") > MAX_DEPTH and _depth(text) > MAX_DEPTH:
        raise HostileJSON(_("Nested too deeply (at most %(depth)d levels).") % {"depth": MAX_DEPTH})
    value = json.loads(text, parse_constant=_no_constant)
    if "\\u" in text:  # both can only come in as escapes: raw ones are not valid UTF-8 or JSON
        if "\\u0000" in text and any("\x00" in string for string in _strings(value)):
            raise HostileJSON(_("Text may not contain the NUL character (\\u0000)."))
        if _SURROGATE_ESCAPE.search(text) and any(_SURROGATE.search(string) for string in _strings(value)):
            raise HostileJSON(_("Text may not contain a lone surrogate (such as \\ud800): it is not a character."))
    return value


def _no_constant(name: str):
    raise ValueError(f"{name} is not valid JSON")


class BoundedJSONParser(JSONParser):
    """DRF's JSON parser with the checks above: each a 400 that says what was wrong."""

    def parse(self, stream, media_type=None, parser_context=None):
        encoding = get_encoding(parser_context or {})
        try:
            text = stream.read().decode(encoding)
        except UnicodeDecodeError as exc:
            raise ParseError(_("The body is not valid %(encoding)s text.") % {"encoding": encoding}) from exc
        try:
            return loads(text)
        except HostileJSON as exc:
            raise ParseError(str(exc)) from exc
        except ValueError as exc:
            raise ParseError(_("JSON parse error - %(error)s") % {"error": exc}) from exc
