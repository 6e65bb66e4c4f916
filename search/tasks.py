"""Reindexing runs as a django-tasks task, enqueued when a change commits.

With TASKS_BACKEND=django_tasks_db.DatabaseBackend the worker
(`manage.py db_worker`) runs it; the default ImmediateBackend runs it right
after the commit that enqueued it.
"""

from django_tasks import task

from search.indexing import reindex_documents


@task()
def reindex_task(kind, object_ids):
    """Rebuild the documents of these objects of `kind`; returns how many exist."""
    return reindex_documents(kind, object_ids)
