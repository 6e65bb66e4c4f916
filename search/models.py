"""The search index: one row per story, photo or author and language.

The columns hold index terms (search/analysis.py) separated by spaces, so
every engine matches the same terms. Rows exist for every state: the reader
search keeps to `Article.objects.published(language)` when it queries, so a
scheduled story is found the moment it goes live and a withdrawn one is gone
at once, with no second definition of "public" stored here.
"""

from django.contrib.postgres.search import SearchVectorField
from django.db import models

# Weights, from the headline down (PostgreSQL's letters A-D; FTS5 per column).
COLUMNS = ("headline", "summary", "body", "captions")
FTS_TABLE = "search_fts"


class TermVectorField(SearchVectorField):
    """A tsvector matched with `vector__matches=<tsquery expression>`."""


@TermVectorField.register_lookup
class Matches(models.Lookup):
    lookup_name = "matches"

    def as_sql(self, compiler, connection):
        lhs, lhs_params = self.process_lhs(compiler, connection)
        rhs, rhs_params = self.process_rhs(compiler, connection)
        return f"{lhs} @@ {rhs}", [*lhs_params, *rhs_params]


class SearchDocument(models.Model):
    class Kind(models.TextChoices):
        STORY = "story", "Story"
        PHOTO = "photo", "Photo"
        AUTHOR = "author", "Author"
        PERSON = "person", "Person"
        PARTY = "party", "Party"

    kind = models.CharField(max_length=10, choices=Kind.choices)
    object_id = models.PositiveBigIntegerField()
    language = models.CharField(max_length=10)
    headline = models.TextField(blank=True)  # weight A
    summary = models.TextField(blank=True)  # weight B
    body = models.TextField(blank=True)  # weight C
    captions = models.TextField(blank=True)  # weight D: captions and credits
    # The readable summary and body, for snippets (not searched).
    text = models.TextField(blank=True)
    # PostgreSQL: the weighted vector of the four columns (GIN-indexed by the
    # migration). Unused on SQLite, whose FTS5 table is kept by triggers.
    vector = TermVectorField(null=True, editable=False)
    # PostgreSQL: the headline's terms alone (weight A, same positions), small
    # enough to stay in the row: the first stage of ranking reads it instead
    # of the vector (docs/search.md#ranking).
    headline_vector = TermVectorField(null=True, editable=False)
    indexed_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "object_id", "language"],
                name="search_document_unique",
            )
        ]

    def __str__(self):
        return f"{self.kind} {self.object_id} ({self.language})"


class MatchColumn(models.TextField):
    """FTS5's hidden column named after its table: the left side of MATCH."""


@MatchColumn.register_lookup
class Match(models.Lookup):
    lookup_name = "match"

    def as_sql(self, compiler, connection):
        lhs, lhs_params = self.process_lhs(compiler, connection)
        rhs, rhs_params = self.process_rhs(compiler, connection)
        return f"{lhs} MATCH {rhs}", [*lhs_params, *rhs_params]


class SearchIndexEntry(models.Model):
    """SQLite only: the FTS5 table over SearchDocument (made by the migration)."""

    document = models.OneToOneField(
        SearchDocument,
        primary_key=True,
        db_column="rowid",
        on_delete=models.DO_NOTHING,
        related_name="fts",
    )
    terms = MatchColumn(db_column=FTS_TABLE)

    class Meta:
        managed = False
        db_table = FTS_TABLE

    def __str__(self):
        return f"FTS entry {self.pk}"
