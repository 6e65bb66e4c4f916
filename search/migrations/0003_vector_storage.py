"""PostgreSQL: keep each tsvector uncompressed (STORAGE EXTERNAL).

Ranking reads the vector of every match; decompressing thousands of them was
most of the time of a common-word query (docs/search.md#benchmark). Rows
written before this migration keep their compressed form until
`rebuild_search_index` rewrites them.
"""

from django.db import migrations

STORAGE = "ALTER TABLE search_searchdocument ALTER COLUMN vector SET STORAGE {}"


def uncompressed(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(STORAGE.format("EXTERNAL"))


def compressed(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(STORAGE.format("EXTENDED"))


class Migration(migrations.Migration):
    dependencies = [("search", "0002_person_and_party_documents")]

    operations = [migrations.RunPython(uncompressed, compressed)]
