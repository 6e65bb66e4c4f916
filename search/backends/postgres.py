"""PostgreSQL full-text search: a weighted tsvector column with a GIN index.

The vector and the query are written as tsvector and tsquery literals from
the terms search/analysis.py made, never through to_tsvector/to_tsquery:
PostgreSQL's parser decides words by the server's locale, and in some
locales it splits a Khmer word at its vowel signs. Stemming and
segmentation have already happened; ts_rank weighs the columns A-D.

Ranking is two-stage (docs/search.md#ranking): stories whose headline
matches come first, ranked among themselves, and the other matches are
ranked only when a page reaches past them. Reading thousands of vectors to
score every match was most of the time of a common-word query.
"""

from django.contrib.postgres.search import SearchQueryField, SearchRank
from django.db import connections
from django.db.models import F, Value
from django.db.models.functions import Cast

from search.backends.base import WEIGHTS, Hits, SearchBackend
from search.models import COLUMNS, SearchDocument

LETTERS = dict(zip(COLUMNS, "ABCD", strict=True))
MAX_POSITION = 16383  # PostgreSQL's largest word position
# One query ranks the headline matches and, only when the page needs more
# rows than they give, the other matches: the second branch is gated on the
# first coming up short, and the outer ORDER BY puts the two in order. The
# parameters after each branch's own: how many rows the page needs (NULL:
# all), and after the second its size and offset.
HEADLINE_FIRST = """
WITH headline (pk, rank) AS MATERIALIZED ({first} LIMIT %s)
SELECT pk, rank FROM (
    SELECT pk, rank, 0 AS tier FROM headline
    UNION ALL
    SELECT pk, rank, 1 AS tier FROM ({rest} LIMIT %s) AS rest (pk, rank)
    WHERE %s::bigint IS NULL OR (SELECT count(*) FROM headline) < %s
) AS tiers
ORDER BY tier, rank DESC, pk DESC
LIMIT %s OFFSET %s
"""


def quote(text):
    return "'" + text.replace("\\", "\\\\").replace("'", "''") + "'"


def tsvector(document, columns=COLUMNS):
    """The document's terms with their positions and column weights; with
    `columns`, only theirs (at the positions they have in the whole vector)."""
    positions = {}
    position = 0
    for column, letter in LETTERS.items():
        for term in getattr(document, column).split():
            position = min(position + 1, MAX_POSITION)
            if column in columns:
                positions.setdefault(term, []).append(f"{position}{letter}")
    return " ".join(f"{quote(t)}:{','.join(p)}" for t, p in positions.items())


def tsquery(query, phrases=True):
    """The query as tsquery text: every term quoted, so nothing is an operator.
    With `phrases` false a phrase needs its words only, in any order: what
    the GIN index answers without reading a vector to check the order."""
    joiners = {"all": " & ", "phrase": " <-> " if phrases else " & "}
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


def _tsquery_value(text):
    return Cast(Value(text), output_field=SearchQueryField())


class HeadlineFirst:
    """(id, rank) of the matches, headline matches first, each tier best
    first; a slice is one query that ranks only what it needs."""

    def __init__(self, first, rest):
        self.first = first
        self.rest = rest

    def _sql(self, queryset):
        return queryset.query.get_compiler(queryset.db).as_sql()

    def __getitem__(self, index):
        if not isinstance(index, slice):
            found = self[index : index + 1]
            if not found:
                raise IndexError("Hit index out of range.")
            return found[0]
        if index.step is not None or (index.start or 0) < 0:
            raise ValueError("Hits take a forward slice without a step.")
        start, stop = int(index.start or 0), index.stop
        if stop is not None and stop <= start:
            return []
        first, first_params = self._sql(self.first)
        rest, rest_params = self._sql(self.rest)
        sql = HEADLINE_FIRST.format(first=first, rest=rest)
        with connections[self.first.db].cursor() as cursor:
            size = None if stop is None else stop - start
            params = [*first_params, stop, *rest_params, stop, stop, stop, size, start]
            cursor.execute(sql, params)
            return [tuple(row) for row in cursor.fetchall()]

    def __iter__(self):
        return iter(self[0:None])


class PostgresBackend(SearchBackend):
    def prepare(self, documents):
        for document in documents:
            document.vector = tsvector(document)
            document.headline_vector = tsvector(document, columns=("headline",))

    def rebuild(self):
        documents = list(SearchDocument.objects.all())
        self.prepare(documents)
        SearchDocument.objects.bulk_update(
            documents, ["vector", "headline_vector"], batch_size=500
        )

    def match(self, documents, query):
        return documents.filter(vector__matches=_tsquery_value(tsquery(query)))

    def hits(self, documents, query):
        exact = _tsquery_value(tsquery(query))
        # ts_rank lists its weights D, C, B, A.
        weights = [WEIGHTS[column] for column in reversed(COLUMNS)]
        rank = SearchRank(F("vector"), exact, weights=weights)
        matches = self.match(documents, query)
        # The headline's own vector is small, stored in the row and indexed:
        # matching it reads no vector. Its terms are the vector's weight-A
        # terms at the same positions, so a headline match is a match.
        in_headline = documents.filter(headline_vector__matches=exact)
        elsewhere = matches.exclude(headline_vector__matches=exact)
        tiers = [
            tier.annotate(rank=rank).order_by("-rank", "-pk").values_list("pk", "rank")
            for tier in (in_headline, elsewhere)
        ]
        return Hits(matches, HeadlineFirst(*tiers))
