"""The message cursors: parsing `since` / `after` / `before` / `around` / `limit`, and the ETag of a
page. No ORM here, so the lean poll lane and the full view share the exact same rules.

`since=<rev>` is the live cursor: the messages changed after that rev, in rev order. `after`,
`before` and `around` page by seq (history); without any of them, the newest page.
"""

from collections.abc import Mapping
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

DEFAULT_LIMIT = 100
MAX_LIMIT = 200
MAX_CURSOR_DIGITS = 18  # fits a 64-bit integer column


@dataclass(frozen=True)
class PageQuery:
    since: int | None = None
    after: int | None = None
    before: int | None = None
    around: int | None = None
    limit: int = DEFAULT_LIMIT

    def key(self) -> str:
        """The query in a few characters, for the ETag: two different pages never share one."""
        parts = [("s", self.since), ("a", self.after), ("b", self.before), ("r", self.around)]
        return "".join(f"{name}{value}" for name, value in parts if value is not None) + f"l{self.limit}"


def _cursor(params: Mapping[str, str], name: str, *, minimum: int) -> int | None:
    raw = params.get(name)
    if raw is None:
        return None
    if not raw.isascii() or not raw.isdigit() or len(raw) > MAX_CURSOR_DIGITS:
        raise ValidationError({name: [_("Must be a non-negative integer.")]})
    value = int(raw)
    if value < minimum:
        raise ValidationError({name: [_("Must be at least %(minimum)d.") % {"minimum": minimum}]})
    return value


def parse_page_query(params: Mapping[str, str]) -> PageQuery:
    """Validate the query string of a messages page; raises ValidationError naming the field."""
    limit = _cursor(params, "limit", minimum=1)
    if limit is not None and limit > MAX_LIMIT:
        raise ValidationError({"limit": [_("Must be at most %(limit)d.") % {"limit": MAX_LIMIT}]})
    query = PageQuery(
        since=_cursor(params, "since", minimum=0),
        after=_cursor(params, "after", minimum=0),
        before=_cursor(params, "before", minimum=1),
        around=_cursor(params, "around", minimum=1),
        limit=DEFAULT_LIMIT if limit is None else limit,
    )
    for alone in ("since", "around"):
        others = [name for name in ("since", "after", "before", "around") if name != alone]
        if getattr(query, alone) is not None and any(getattr(query, name) is not None for name in others):
            raise ValidationError({alone: [_("Cannot be combined with %(others)s.") % {"others": ", ".join(others)}]})
    return query


def page_etag(*, rev: int, query: PageQuery) -> str:
    """Every change a viewer can see moves the session's rev, so a page is fixed by its query and the rev."""
    return f'"{rev}.{query.key()}"'


def etag_matches(if_none_match: str | None, etag: str) -> bool:
    if not if_none_match:
        return False
    candidates = {tag.strip().removeprefix("W/") for tag in if_none_match.split(",")}
    return etag in candidates or "*" in candidates
