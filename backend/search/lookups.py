"""`text__substring="<LIKE pattern>"`: a case-insensitive LIKE, the form each database's index reads
(PostgreSQL's pg_trgm GIN index serves ILIKE; Django's icontains would wrap the column in UPPER())."""

from django.db.models import Lookup


class Substring(Lookup):
    lookup_name = "substring"

    def as_sql(self, compiler, connection):
        lhs, lhs_params = self.process_lhs(compiler, connection)
        rhs, rhs_params = self.process_rhs(compiler, connection)
        if connection.vendor == "postgresql":
            # Text without letter case (Chinese, Japanese, Korean, digits) needs no ILIKE, and LIKE
            # is about three times faster where no index helps (a two-character word).
            caseless = isinstance(self.rhs, str) and self.rhs.lower() == self.rhs.upper()
            return f"{lhs} {'LIKE' if caseless else 'ILIKE'} {rhs}", [*lhs_params, *rhs_params]
        # SQLite's LIKE ignores the case of ASCII letters (there is no case in CJK scripts).
        return f"{lhs} LIKE {rhs} ESCAPE '\\'", [*lhs_params, *rhs_params]


def like_pattern(term: str) -> str:
    """`%term%` with LIKE's own characters escaped: a search for "50%" finds "50%", not "50" and more."""
    escaped = term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"
