"""Keeping the index in step with the stories, photos and authors.

Changes are batched per transaction and reindexed by a task once the
transaction commits (search/tasks.py), so a rolled back change is never
indexed and an admin save of a story with its bylines and photos is one
reindex, not ten.
"""

from django.db import transaction

from articles.models import Article, Author
from media_assets.models import Photo
from people.models import Party, Person
from search import documents as builders
from search.backends import get_backend
from search.context_documents import party_documents, person_documents
from search.models import SearchDocument

Kind = SearchDocument.Kind
BUILDERS = {
    **builders.BUILDERS,
    Kind.PERSON: person_documents,
    Kind.PARTY: party_documents,
}
FIELDS = [
    "headline",
    "summary",
    "body",
    "captions",
    "text",
    "vector",
    "headline_vector",
    "indexed_at",
]
BATCH = 100


def reindex_documents(kind, object_ids):
    """Rebuild the documents of these objects of `kind`; returns how many exist.

    The text is analysed before the transaction (segmenting is the slow
    part); rows are upserted, so two runs for the same story never clash.
    """
    ids = sorted({int(pk) for pk in object_ids})
    documents = BUILDERS[kind](ids)
    get_backend().prepare(documents)
    fresh = {(d.object_id, d.language) for d in documents}
    with transaction.atomic():
        existing = SearchDocument.objects.filter(kind=kind, object_id__in=ids)
        stale = [
            pk
            for pk, object_id, language in existing.values_list(
                "pk", "object_id", "language"
            )
            if (object_id, language) not in fresh
        ]
        SearchDocument.objects.filter(pk__in=stale).delete()
        SearchDocument.objects.bulk_create(
            documents,
            update_conflicts=True,
            unique_fields=["kind", "object_id", "language"],
            update_fields=FIELDS,
        )
    return len(documents)


def reindex(article_ids):
    """Rebuild the documents of these stories (all languages with text)."""
    return reindex_documents(Kind.STORY, article_ids)


class PendingReindex:
    """The on_commit callback of one transaction, collecting what changed."""

    def __init__(self):
        self.ids = {}
        self.done = False

    def add(self, kind, ids):
        self.ids.setdefault(kind, set()).update(ids)

    def __call__(self):
        from search.tasks import reindex_task

        self.done = True
        for kind, ids in self.ids.items():
            reindex_task.enqueue(str(kind), sorted(ids))


def reindex_on_commit(kind, object_ids, using=None):
    """Reindex these objects once the current transaction commits (now if none)."""
    ids = {int(pk) for pk in object_ids if pk is not None}
    if not ids:
        return
    connection = transaction.get_connection(using)
    if connection.in_atomic_block:
        # Join this transaction's pending batch when there is one. Django keeps
        # on_commit callbacks in run_on_commit as (savepoints, callback, robust).
        for entry in connection.run_on_commit:
            if isinstance(entry[1], PendingReindex) and not entry[1].done:
                entry[1].add(kind, ids)
                return
    pending = PendingReindex()
    pending.add(kind, ids)
    transaction.on_commit(pending, using=using)


SOURCES = {
    Kind.STORY: Article,
    Kind.PHOTO: Photo,
    Kind.AUTHOR: Author,
    Kind.PERSON: Person,
    Kind.PARTY: Party,
}


def rebuild_index(batch=BATCH):
    """Rebuild every document; yields (kind, done, total) after each batch."""
    for kind, model in SOURCES.items():
        ids = list(model.objects.order_by("pk").values_list("pk", flat=True))
        gone = SearchDocument.objects.filter(kind=kind).exclude(
            object_id__in=model.objects.values("pk")
        )
        gone.delete()
        for start in range(0, len(ids), batch):
            reindex_documents(kind, ids[start : start + batch])
            yield kind, min(start + batch, len(ids)), len(ids)
        if not ids:
            yield kind, 0, 0
    get_backend().rebuild()
