"""The search index, kept in step with message writes inside the database itself.

SQLite: an FTS5 table with the trigram tokenizer (substrings, so Chinese, Japanese and Korean text
matches without word breaking), filled and emptied by triggers on chat_message: a new message, an
edit, a delete (the tombstone's text is gone) and a removed row change the index in the same
transaction as the write. Only what people wrote is indexed: text messages, not the bot's answers,
not system messages, not tombstones.

PostgreSQL: pg_trgm and a partial GIN index on the text of the same messages; ILIKE uses it.
"""

from django.contrib.postgres.operations import TrigramExtension
from django.db import migrations

SEARCHABLE = "kind = 'text' AND deleted = 0 AND is_bot = 0 AND text != ''"


def _searchable(row: str) -> str:
    return " AND ".join(f"{row}.{condition.strip()}" for condition in SEARCHABLE.split(" AND "))


SQLITE_FORWARDS = [
    "CREATE VIRTUAL TABLE search_message_fts USING fts5(text, tokenize = 'trigram')",
    f"""CREATE TRIGGER search_message_insert AFTER INSERT ON chat_message WHEN {_searchable("new")}
        BEGIN INSERT INTO search_message_fts (rowid, text) VALUES (new.id, new.text); END""",
    """CREATE TRIGGER search_message_update AFTER UPDATE OF text, deleted, kind, is_bot ON chat_message
        BEGIN DELETE FROM search_message_fts WHERE rowid = old.id; """
    f"""INSERT INTO search_message_fts (rowid, text) SELECT new.id, new.text WHERE {_searchable("new")}; END""",
    """CREATE TRIGGER search_message_delete AFTER DELETE ON chat_message
        BEGIN DELETE FROM search_message_fts WHERE rowid = old.id; END""",
    f"INSERT INTO search_message_fts (rowid, text) SELECT id, text FROM chat_message WHERE {SEARCHABLE}",
]
SQLITE_BACKWARDS = [
    "DROP TRIGGER IF EXISTS search_message_insert",
    "DROP TRIGGER IF EXISTS search_message_update",
    "DROP TRIGGER IF EXISTS search_message_delete",
    "DROP TABLE IF EXISTS search_message_fts",
]
# fastupdate off: a new message goes into the index at once instead of a pending list that every
# search reads through until the next vacuum (searches stay fast; see docs/performance.md).
POSTGRES_FORWARDS = [
    "CREATE INDEX IF NOT EXISTS search_message_trgm ON chat_message USING gin (text gin_trgm_ops) "
    "WITH (fastupdate = off) WHERE kind = 'text' AND NOT deleted AND NOT is_bot",
]
POSTGRES_BACKWARDS = ["DROP INDEX IF EXISTS search_message_trgm"]


def _run(statements_by_vendor: dict):
    def run(apps, schema_editor):
        for statement in statements_by_vendor.get(schema_editor.connection.vendor, []):
            schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("chat", "0004_chat_management")]

    operations = [
        TrigramExtension(),  # PostgreSQL only: CREATE EXTENSION IF NOT EXISTS pg_trgm
        migrations.RunPython(
            _run({"sqlite": SQLITE_FORWARDS, "postgresql": POSTGRES_FORWARDS}),
            _run({"sqlite": SQLITE_BACKWARDS, "postgresql": POSTGRES_BACKWARDS}),
        ),
    ]
