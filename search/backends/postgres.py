"""PostgreSQL full-text search: a weighted tsvector column with a GIN index.

The vector and the query are written as tsvector and tsquery literals from
the terms search/analysis.py made, never through to_tsvector/to_tsquery:
PostgreSQL's parser decides words by the server's locale, and in some
locales it splits a Khmer word at its vowel signs. Stemming and
segmentation have already happened; ts_rank weighs the columns A-D.
"""

from django.contrib.postgres.search import SearchQueryField, SearchRank
from django.db.models import F, Value
from django.db.models.functions import Cast

from search.backends.base import WEIGHTS, Hits, SearchBackend
from search.models import COLUMNS, SearchDocument

LETTERS = dict(zip(COLUMNS, "ABCD", strict=True))
MAX_POSITION = 16383  # PostgreSQL's largest word position


def quote(text):
    return "'" + text.replace("\\", "\\\\").replace("'", "''") + "'"


def tsvector(document):
    """The document's terms with their positions and column weights."""
    positions = {}
    position = 0
    for column, letter in LETTERS.items():
        for term in getattr(document, column).split():
            position = min(position + 1, MAX_POSITION)
            positions.setdefault(term, []).append(f"{position}{letter}")
    return " ".join(f"{quote(t)}:{','.join(p)}" for t, p in positions.items())


def tsquery(query):
    """The query as tsquery text: every term quoted, so nothing is an operator."""
    joiners = {"all": " & ", "phrase": " <-> "}
    clauses = (
        " | ".join(
            "("
            + joiners[option.kind].join(
                quote(t.text) + (":*" if t.prefix else "") for t in option.terms
            )
            + ")"
            for option in clause
        )
        for clause in query.clauses
    )
    return " & ".join(f"({clause})" for clause in clauses)


class PostgresBackend(SearchBackend):
    def prepare(self, documents):
        for document in documents:
            document.vector = tsvector(document)

    def rebuild(self):
        documents = list(SearchDocument.objects.all())
        self.prepare(documents)
        SearchDocument.objects.bulk_update(documents, ["vector"], batch_size=500)

    def _query(self, query):
        return Cast(Value(tsquery(query)), output_field=SearchQueryField())

    def match(self, documents, query):
        return documents.filter(vector__matches=self._query(query))

    def hits(self, documents, query):
        # ts_rank lists its weights D, C, B, A.
        weights = [WEIGHTS[column] for column in reversed(COLUMNS)]
        rank = SearchRank(F("vector"), self._query(query), weights=weights)
        matches = self.match(documents, query)
        ranked = matches.annotate(rank=rank).order_by("-rank", "-pk")
        return Hits(matches, ranked.values_list("pk", "rank"))
