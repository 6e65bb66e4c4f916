"""The small interface every search engine implements.

Documents (search.models.SearchDocument rows) are written by
search/indexing.py with analysed terms; an engine only keeps its own index
of those rows and matches parsed queries (search/query.py) against it.
"""

WEIGHTS = {"headline": 1.0, "summary": 0.4, "body": 0.2, "captions": 0.1}


class SearchBackend:
    def prepare(self, documents):
        """Fill the engine's own columns of unsaved rows about to be written."""
        raise NotImplementedError

    def rebuild(self):
        """Rebuild the whole engine index from the SearchDocument rows."""
        raise NotImplementedError

    def match(self, documents, query):
        """`documents` narrowed to those matching `query` (no order)."""
        raise NotImplementedError

    def hits(self, documents, query):
        """Hits: (document id, rank) of the matches, best first: stories
        whose headline matches before the others, then by rank (higher is
        better; docs/search.md#ranking). Only ids and ranks: the caller
        loads the rows of one page, so ranking thousands of matches never
        reads their text."""
        raise NotImplementedError


class Hits:
    """Ranked matches as Paginator takes them: counted without ranking (the
    count need not score every match), ranked only for the slice asked.
    `ranked` is a sliceable of (id, rank): a queryset, or an engine's own."""

    def __init__(self, matches, ranked):
        self.matches = matches
        self.ranked = ranked

    def count(self):
        return self.matches.count()

    def __len__(self):
        return self.count()

    def __iter__(self):
        return iter(self.ranked)

    def __getitem__(self, index):
        found = self.ranked[index]
        return list(found) if isinstance(index, slice) else found
