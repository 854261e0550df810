"""The message cursor: parsing `after` / `before` / `limit` and the ETag of a page. No ORM here,
so the idle-poll shortcut and the full view share the exact same rules."""

from collections.abc import Mapping
from dataclasses import dataclass

from django.core.exceptions import ValidationError

DEFAULT_LIMIT = 100
MAX_LIMIT = 200


@dataclass(frozen=True)
class PageQuery:
    after: int | None = None
    before: int | None = None
    limit: int = DEFAULT_LIMIT


def _cursor(params: Mapping[str, str], name: str, *, minimum: int) -> int | None:
    raw = params.get(name)
    if raw is None:
        return None
    if not raw.isascii() or not raw.isdigit() or len(raw) > 18:
        raise ValidationError({name: ["Must be a non-negative integer."]})
    value = int(raw)
    if value < minimum:
        raise ValidationError({name: [f"Must be at least {minimum}."]})
    return value


def parse_page_query(params: Mapping[str, str]) -> PageQuery:
    """Validate the query string of a messages page; raises ValidationError naming the field."""
    limit = _cursor(params, "limit", minimum=1)
    if limit is not None and limit > MAX_LIMIT:
        raise ValidationError({"limit": [f"Must be at most {MAX_LIMIT}."]})
    return PageQuery(
        after=_cursor(params, "after", minimum=0),
        before=_cursor(params, "before", minimum=1),
        limit=DEFAULT_LIMIT if limit is None else limit,
    )


def page_etag(*, last_seq: int, query: PageQuery) -> str:
    """Messages never change once written, so a page is fixed by its query and the session's last seq."""
    after = "" if query.after is None else query.after
    before = "" if query.before is None else query.before
    return f'"{last_seq}.{after}.{before}.{query.limit}"'


def etag_matches(if_none_match: str | None, etag: str) -> bool:
    if not if_none_match:
        return False
    candidates = {tag.strip().removeprefix("W/") for tag in if_none_match.split(",")}
    return etag in candidates or "*" in candidates
