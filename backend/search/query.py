"""Reading a search box's text: words, "exact phrases" and the filters from:@name, in:chat,
before:YYYY-MM-DD and after:YYYY-MM-DD. Everything else is text to find, never engine syntax."""

import datetime as dt
import re
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

MAX_QUERY_LENGTH = 200  # characters of the search box; the one home of this rule
DEFAULT_LIMIT = 20
MAX_LIMIT = 50
MAX_TERMS = 10  # words (and phrases) in one search
MAX_SHORT_TERMS = 3  # of them under three characters (a scan each, on PostgreSQL over every message)

_TOKEN = re.compile(
    r"""(?P<key>from|in|before|after):(?:"(?P<quoted_value>[^"]*)"?|(?P<value>\S+))"""
    r"""|"(?P<phrase>[^"]*)"?"""
    r"""|(?P<word>\S+)""",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class SearchQuery:
    """What to find (every term, as a substring, case aside) and where."""

    terms: tuple[str, ...] = ()
    author: str | None = None  # a username
    chat: str | None = None  # a chat's title or URI, from in:
    before: dt.datetime | None = None  # created before this instant
    after: dt.datetime | None = None  # created at or after this instant


def _day(value: str, name: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise ValidationError(
            {"q": [_("%(name)s: takes a date as YYYY-MM-DD, e.g. %(name)s:2026-01-31.") % {"name": name}]}
        ) from None


def _day_after(day: dt.date) -> dt.date:
    try:
        return day + dt.timedelta(days=1)
    except OverflowError:
        raise ValidationError({"q": ["after: takes a date before the year 10000."]}) from None


def _midnight(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, dt.time.min, tzinfo=dt.UTC)


def parse_query(text: object) -> SearchQuery:
    """The search box's text as a SearchQuery; a ValidationError on `q` says what is wrong with it."""
    if not isinstance(text, str) or not text.strip():
        raise ValidationError({"q": [_("Type something to search for.")]})
    if len(text) > MAX_QUERY_LENGTH:
        raise ValidationError({"q": [_("A search is at most %(limit)d characters.") % {"limit": MAX_QUERY_LENGTH}]})
    if "\x00" in text:
        raise ValidationError({"q": [_("A search may not contain the NUL character.")]})
    terms: list[str] = []
    author = chat = before = after = None
    for match in _TOKEN.finditer(text):
        key = (match["key"] or "").lower()
        value = match["quoted_value"] if match["quoted_value"] is not None else match["value"]
        if key == "from":
            author = value.strip().lstrip("@") or None
        elif key == "in":
            chat = value.strip() or None
        elif key == "before":
            before = _midnight(_day(value, "before"))  # before:D = earlier than the start of day D
        elif key == "after":
            after = _midnight(_day_after(_day(value, "after")))  # after:D = from the day after D
        elif match["phrase"] is not None:
            if match["phrase"].strip():
                terms.append(match["phrase"].strip())
        elif match["word"]:
            terms.append(match["word"])
    if not terms and author is None:
        raise ValidationError({"q": [_("Type some words to search for, or from:@name.")]})
    terms = list(dict.fromkeys(terms))
    # Each term is a substring scan; one- and two-character terms cannot use the trigram index.
    if len(terms) > MAX_TERMS:
        raise ValidationError({"q": [_("Search for at most %(limit)d words at a time.") % {"limit": MAX_TERMS}]})
    if sum(len(term) < 3 for term in terms) > MAX_SHORT_TERMS:
        raise ValidationError(
            {
                "q": [
                    _("At most %(limit)d words shorter than three characters in one search.")
                    % {"limit": MAX_SHORT_TERMS}
                ]
            }
        )
    return SearchQuery(terms=tuple(terms), author=author, chat=chat, before=before, after=after)


def parse_limit(value: str | None) -> int:
    if value is None or value == "":
        return DEFAULT_LIMIT
    if not (value.isascii() and value.isdigit()) or not 1 <= int(value) <= MAX_LIMIT:
        raise ValidationError({"limit": [_("A whole number from 1 to %(limit)d.") % {"limit": MAX_LIMIT}]})
    return int(value)


def parse_cursor(value: str | None) -> int | None:
    """`before`: the `next` of the previous page (a message id), or nothing for the newest page."""
    if value is None or value == "":
        return None
    if not (value.isascii() and value.isdigit()) or len(value) > 18:
        raise ValidationError({"before": [_("Pass the `next` value of the previous page.")]})
    return int(value)
