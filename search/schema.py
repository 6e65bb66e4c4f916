"""What each engine needs in the database beyond Django's tables.

Run by migration 0001 on the vendor it is for. SQLite's triggers belong to
search_searchdocument: a later migration that makes Django rebuild that
table on SQLite (most column changes do) drops them, and must call
create_engine_schema again (then `rebuild_search_index`).

The columns are search.models.COLUMNS, in that order (bm25 weights follow it).
"""

_DELETE_OLD = """
    INSERT INTO search_fts(search_fts, rowid, headline, summary, body, captions)
    VALUES ('delete', old.id, old.headline, old.summary, old.body, old.captions);
"""
_INSERT_NEW = """
    INSERT INTO search_fts(rowid, headline, summary, body, captions)
    VALUES (new.id, new.headline, new.summary, new.body, new.captions);
"""

SCHEMA = {
    "sqlite": [
        # Terms are space-separated and lowercased already. The ascii
        # tokenizer splits at ASCII spaces only and keeps every other
        # character in its word: unicode61 would cut a Khmer word at each
        # vowel sign and coeng (មន្ត្រី into មន, ត, រ).
        """CREATE VIRTUAL TABLE IF NOT EXISTS search_fts USING fts5(
            headline, summary, body, captions,
            content='search_searchdocument', content_rowid='id',
            tokenize='ascii')""",
        "CREATE TRIGGER IF NOT EXISTS search_fts_ai AFTER INSERT ON "
        f"search_searchdocument BEGIN {_INSERT_NEW} END",
        "CREATE TRIGGER IF NOT EXISTS search_fts_ad AFTER DELETE ON "
        f"search_searchdocument BEGIN {_DELETE_OLD} END",
        "CREATE TRIGGER IF NOT EXISTS search_fts_au AFTER UPDATE ON "
        f"search_searchdocument BEGIN {_DELETE_OLD} {_INSERT_NEW} END",
    ],
    "postgresql": [
        "CREATE INDEX IF NOT EXISTS search_document_vector "
        "ON search_searchdocument USING gin (vector)",
    ],
}
UNDO = {
    "sqlite": [
        "DROP TRIGGER IF EXISTS search_fts_ai",
        "DROP TRIGGER IF EXISTS search_fts_ad",
        "DROP TRIGGER IF EXISTS search_fts_au",
        "DROP TABLE IF EXISTS search_fts",
    ],
    "postgresql": ["DROP INDEX IF EXISTS search_document_vector"],
}
REBUILD = {"sqlite": "INSERT INTO search_fts(search_fts) VALUES ('rebuild')"}


def create_engine_schema(apps, schema_editor):
    for statement in SCHEMA.get(schema_editor.connection.vendor, []):
        schema_editor.execute(statement)


def drop_engine_schema(apps, schema_editor):
    for statement in UNDO.get(schema_editor.connection.vendor, []):
        schema_editor.execute(statement)
