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

    def ranked(self, documents, query):
        """The matches annotated with `rank` (higher is better), best first."""
        raise NotImplementedError
