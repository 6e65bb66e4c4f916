"""The headline's own vector, the first stage of ranking on PostgreSQL.

On PostgreSQL it is GIN-indexed, kept in the row (STORAGE MAIN: compressed
or moved out only if the row cannot fit otherwise) and filled from each
vector's weight-A terms, which are the headline's at the same positions.
SQLite adds a NULL column (no table rebuild, so the FTS5 triggers stay).
"""

from django.db import migrations

import search.models

FORWARD = [
    "ALTER TABLE search_searchdocument ALTER COLUMN headline_vector SET STORAGE MAIN",
    "UPDATE search_searchdocument SET headline_vector = ts_filter(vector, '{a}') "
    "WHERE vector IS NOT NULL",
    "CREATE INDEX IF NOT EXISTS search_document_headline_vector "
    "ON search_searchdocument USING gin (headline_vector)",
]
BACKWARD = ["DROP INDEX IF EXISTS search_document_headline_vector"]


def run(statements):
    def operation(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            for statement in statements:
                schema_editor.execute(statement)

    return operation


class Migration(migrations.Migration):
    dependencies = [("search", "0003_vector_storage")]

    operations = [
        migrations.AddField(
            model_name="searchdocument",
            name="headline_vector",
            field=search.models.TermVectorField(editable=False, null=True),
        ),
        migrations.RunPython(run(FORWARD), run(BACKWARD)),
    ]
