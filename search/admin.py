"""The admin's search boxes, through the same analyser and engine as readers'.

SearchAdminMixin goes first in a ModelAdmin's bases. A search finds what
the engine matches in any language and state (stories, photos, authors:
SEARCH_KINDS) and, as before, what the admin's own search_fields contain,
so an id, slug or part of a word still finds its row.
"""

from django.db.models import Q

from articles.models import Article, Author
from media_assets.models import Photo
from search.engine import editor_matches
from search.models import SearchDocument
from search.query import parse

SEARCH_KINDS = {
    Article: SearchDocument.Kind.STORY,
    Photo: SearchDocument.Kind.PHOTO,
    Author: SearchDocument.Kind.AUTHOR,
}


class SearchAdminMixin:
    def get_search_results(self, request, queryset, search_term):
        found, may_have_duplicates = super().get_search_results(
            request, queryset, search_term
        )
        query = parse(search_term)
        kind = SEARCH_KINDS.get(queryset.model._meta.concrete_model)
        if query.empty or kind is None:
            return found, may_have_duplicates
        either = Q(pk__in=found.values("pk")) | Q(pk__in=editor_matches(kind, query))
        return queryset.filter(either), False
