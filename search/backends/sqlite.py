"""SQLite FTS5: an external-content table over SearchDocument, kept by triggers.

The migration creates the table and its triggers (SQLite only), so writes
need nothing here. Ranking is bm25() with a weight per column; it is negated
so that, as on PostgreSQL, a higher rank is better.
"""

from django.db import connection
from django.db.models import F, FloatField, Func

from search.backends.base import WEIGHTS, Hits, SearchBackend
from search.models import COLUMNS, FTS_TABLE, SearchIndexEntry
from search.schema import REBUILD


class BM25(Func):
    output_field = FloatField()

    def as_sql(self, compiler, connection, **extra):
        weights = ", ".join(str(float(WEIGHTS[column])) for column in COLUMNS)
        return f'-bm25("{FTS_TABLE}", {weights})', []


def phrase(term):
    return '"' + term.text.replace('"', '""') + '"' + ("*" if term.prefix else "")


def match_expression(query):
    """The query in FTS5 syntax: every term quoted, so nothing is an operator."""
    joiners = {"all": " AND ", "phrase": " + "}
    clauses = (
        " OR ".join(
            "(" + joiners[option.kind].join(phrase(t) for t in option.terms) + ")"
            for option in clause
        )
        for clause in query.clauses
    )
    return " AND ".join(f"({clause})" for clause in clauses)


class SQLiteBackend(SearchBackend):
    def prepare(self, documents):
        """Nothing to do: the triggers keep the FTS5 table with every write."""

    def rebuild(self):
        with connection.cursor() as cursor:
            cursor.execute(REBUILD["sqlite"])

    def _entries(self, query):
        return SearchIndexEntry.objects.filter(terms__match=match_expression(query))

    def match(self, documents, query):
        return documents.filter(pk__in=self._entries(query).values("pk"))

    def hits(self, documents, query):
        # Driven by the FTS5 table; the documents' filters are answered from
        # the (kind, object_id, language) index, never from their wide rows.
        # "rowid + 0": a bare rowid IN (…) would be handed to FTS5, which then
        # runs the whole MATCH once per listed row.
        entries = self._entries(query).alias(row=F("pk") + 0)
        entries = entries.filter(row__in=documents.values("pk"))
        ranked = entries.annotate(rank=BM25()).order_by("-rank", "-pk")
        return Hits(entries, ranked.values_list("pk", "rank"))
