"""Factories for the search index's rows (normally written by search.indexing)."""

import factory

from search.models import SearchDocument


class SearchDocumentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SearchDocument

    kind = SearchDocument.Kind.STORY
    object_id = factory.Sequence(lambda n: n + 1)
    language = "en"
    headline = "cambodia election"
    text = "Cambodia election"
