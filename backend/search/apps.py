"""App config for message search (SQLite FTS5 trigram, or PostgreSQL pg_trgm)."""

from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "backend.search"
    label = "search"
    verbose_name = "Search"
