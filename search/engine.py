"""The searches the site offers, on whichever engine the database has.

Readers: published stories of one language, ranked, with filters; what is
public is decided by Article.objects.published(language) when the query
runs; and the people and parties with a page in that language. Editors: any
kind of document in every language and state.
"""

from django.db.models import Exists, OuterRef

from articles.languages import field_name
from articles.models import Article, Byline
from search.backends import get_backend
from search.models import SearchDocument

Kind = SearchDocument.Kind


def public_stories(language, section=None, year=None, author=None):
    """The stories readers of `language` may find, narrowed by the filters."""
    stories = Article.objects.published(language)
    if section is not None:
        stories = stories.filter(section=section)
    if year is not None:
        published_at = field_name("published_at", language)
        stories = stories.filter(**{f"{published_at}__year": year})
    if author is not None:
        credited = Byline.objects.filter(article=OuterRef("pk"), author=author)
        stories = stories.filter(Exists(credited))
    return stories


def reader_results(query, language, **filters):
    """(document id, rank) of public stories in `language` matching `query`,
    best first."""
    documents = SearchDocument.objects.filter(
        kind=Kind.STORY,
        language=language,
        object_id__in=public_stories(language, **filters).values("pk"),
    )
    return get_backend().hits(documents, query)


def context_results(query, language, limit=5):
    """(document id, rank) of the people and parties with a page in `language`
    matching `query`, best first: shown above the stories."""
    documents = SearchDocument.objects.filter(
        kind__in=[Kind.PERSON, Kind.PARTY], language=language
    )
    return list(get_backend().hits(documents, query)[:limit])


def documents_of(hits):
    """The SearchDocument rows of a page of hits, in the hits' order."""
    # What a page shows: the readable text. The term columns and vectors
    # are long and stored compressed or out of line; reading them is slow.
    rows = SearchDocument.objects.only("kind", "object_id", "language", "text")
    found = rows.in_bulk([pk for pk, _rank in hits])
    return [found[pk] for pk, _rank in hits if pk in found]


def editor_matches(kind, query):
    """The ids of objects of `kind` matching `query` in any language or state."""
    documents = SearchDocument.objects.filter(kind=kind)
    return get_backend().match(documents, query).values("object_id")
