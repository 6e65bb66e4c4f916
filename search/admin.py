"""The admin's search boxes, through the same analyser and engine as readers'.

SearchAdminMixin goes first in a ModelAdmin's bases; add_search_to() puts it
there for the story, photo, author, person and party admins when this module
is imported. A search finds what the engine matches in any language and state
(SEARCH_KINDS) and, as before, what the admin's own
search_fields contain, so an id, slug or part of a word still finds its row.
"""

from django.contrib import admin
from django.db.models import Q

from articles.models import Article, Author
from media_assets.models import Photo
from people.models import Party, Person
from search.engine import editor_matches
from search.models import SearchDocument
from search.query import parse

SEARCH_KINDS = {
    Article: SearchDocument.Kind.STORY,
    Photo: SearchDocument.Kind.PHOTO,
    Author: SearchDocument.Kind.AUTHOR,
    Person: SearchDocument.Kind.PERSON,
    Party: SearchDocument.Kind.PARTY,
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


def add_search_to(site, models=tuple(SEARCH_KINDS)):
    """Re-register each model's admin with SearchAdminMixin first in its bases.

    The admins are the lower apps' (articles, media_assets, people, workflow), which
    may not import search; this app sits above them and is installed after
    them, so their classes are registered when this module is imported.
    """
    for model in models:
        current = type(site.get_model_admin(model))
        if issubclass(current, SearchAdminMixin):
            continue
        with_search = type(current.__name__, (SearchAdminMixin, current), {})
        with_search.__module__ = current.__module__
        site.unregister(model)
        site.register(model, with_search)


add_search_to(admin.site)
