"""diskcache's Django cache, keeping its SQLite connections between requests.

Django closes every cache when a request finishes; for diskcache that closes
the connections of all its shards, and the next request opens them again and
re-runs their PRAGMAs, which cost more than the cache reads themselves (the
page cache is one read). The connections are per thread and opened lazily,
so a gunicorn worker opens its own after the fork; they are closed when the
process ends.
"""

from diskcache import DjangoCache


class PersistentDjangoCache(DjangoCache):
    def close(self, **kwargs):
        """Keep the connections: see the module docstring."""
