"""Models that pages keep in the cache pickle their prefetched rows as lists.

A pickled QuerySet carries its whole Query: loading one costs about 0.3 ms,
even empty, so a kept front page with a dozen photos spent more time
unpickling their renditions' querysets than rendering. The rows are what the
page needs; the queryset around them is rebuilt empty-handed on load.
"""

from django.db.models import QuerySet


class PrefetchedRows:
    """What a prefetched QuerySet is reduced to: its class, model and rows."""

    __slots__ = ("queryset_class", "model", "rows")

    def __init__(self, queryset):
        self.queryset_class = type(queryset)
        self.model = queryset.model
        self.rows = list(queryset)

    def __getstate__(self):
        return (self.queryset_class, self.model, self.rows)

    def __setstate__(self, state):
        self.queryset_class, self.model, self.rows = state

    def queryset(self):
        """A queryset that answers with the rows, as prefetch_related leaves it."""
        queryset = self.queryset_class(model=self.model)
        queryset._result_cache = self.rows
        queryset._prefetch_done = True
        return queryset


class KeptPrefetchMixin:
    """Put before models.Model in the bases of models that kept pages hold."""

    def __getstate__(self):
        state = super().__getstate__()
        prefetched = state.get("_prefetched_objects_cache")
        if prefetched:
            state["_prefetched_objects_cache"] = {
                name: PrefetchedRows(rows) if isinstance(rows, QuerySet) else rows
                for name, rows in prefetched.items()
            }
        return state

    def __setstate__(self, state):
        prefetched = state.get("_prefetched_objects_cache")
        if prefetched:
            state["_prefetched_objects_cache"] = {
                name: rows.queryset() if isinstance(rows, PrefetchedRows) else rows
                for name, rows in prefetched.items()
            }
        super().__setstate__(state)
