"""The engine behind search, chosen by the database (or settings.SEARCH_BACKEND).

docs/search.md tells how another engine (OpenSearch) would plug in.
"""

from django.conf import settings
from django.db import connections
from django.utils.module_loading import import_string

BY_VENDOR = {
    "postgresql": "search.backends.postgres.PostgresBackend",
    "sqlite": "search.backends.sqlite.SQLiteBackend",
}


def get_backend(using="default"):
    """The configured engine, else the one for the database's vendor."""
    path = getattr(settings, "SEARCH_BACKEND", None)
    if path is None:
        vendor = connections[using].vendor
        if vendor not in BY_VENDOR:
            raise NotImplementedError(
                f"No search engine for the {vendor} database: set SEARCH_BACKEND."
            )
        path = BY_VENDOR[vendor]
    return import_string(path)()
