"""The SearchDocument rows of a story, photo or author: what each field holds.

A story has one document per language it has text in, whatever its state
(the reader search applies `published(language)` when it queries):
headline (A), summary (B), the body's words with its pullquotes, editor's
note, corrections and places (C), and photo captions, credits, bylines and
the profile's facts (D). Photos and authors are indexed for the editors' admin
search; people and parties (search/context_documents.py) for both searches;
the full table of builders is search.indexing.BUILDERS.
"""

from django.db.models import Prefetch

from articles.embeds import photo_figure_context
from articles.languages import LANGUAGE_CODES, localized
from articles.models import Article, Author, Byline, PhotoPlacement
from articles.rendering import plain_text
from media_assets.models import Photo
from search import khmer
from search.analysis import index_text
from search.models import SearchDocument
from workflow.corrections import corrections_for

Kind = SearchDocument.Kind


def joined(*parts):
    return "\n".join(part for part in parts if part)


def document(kind, object_id, language, headline="", summary="", body="", captions=""):
    """An unsaved row, or None when there are no words to find it by."""
    if not (headline or summary or body or captions):
        return None
    return SearchDocument(
        kind=kind,
        object_id=object_id,
        language=language,
        headline=index_text(headline),
        summary=index_text(summary),
        body=index_text(body),
        captions=index_text(captions),
        text=khmer.clean(joined(summary, body)),
    )


def stories(ids):
    """The stories with every part a document reads, in a fixed number of queries."""
    return Article.objects.filter(pk__in=ids).prefetch_related(
        Prefetch("bylines", queryset=Byline.objects.select_related("author")),
        Prefetch("placements", queryset=PhotoPlacement.objects.select_related("photo")),
        "pullquotes",
        "profile",
        "corrections",
    )


def story_document(article, language):
    def field(name, instance=article):
        return (localized(instance, name, language) or "") if instance else ""

    if not (field("title") or field("summary") or field("body")):
        return None  # this language is not written yet
    pullquotes = article.pullquotes.all()
    profile = getattr(article, "profile", None)
    return document(
        Kind.STORY,
        article.pk,
        language,
        headline=field("title"),
        summary=field("summary"),
        body=joined(
            plain_text(field("body")),
            *(joined(field("text", q), field("attribution", q)) for q in pullquotes),
            field("editors_note"),
            *(c.text for c in corrections_for(article, language)),
            field("dateline"),
            field("map_pin"),
            article.place_in(language)[0],
        ),
        captions=joined(
            *(
                joined(figure["caption"], figure["credit"])
                for figure in (
                    photo_figure_context(p, language) for p in article.placements.all()
                )
            ),
            *(
                field("display_name", b.author) or b.author.display_name_en
                for b in article.bylines.all()
            ),
            *(
                field(name, profile)
                for name in ("name", "persona", "occupation", "party")
            ),
        ),
    )


def story_documents(ids):
    return [
        doc
        for article in stories(ids)
        for language in LANGUAGE_CODES
        if (doc := story_document(article, language))
    ]


def photo_documents(ids):
    return [
        doc
        for photo in Photo.objects.filter(pk__in=ids)
        for language in LANGUAGE_CODES
        if (
            doc := document(
                Kind.PHOTO,
                photo.pk,
                language,
                headline=localized(photo, "cutline", language),
                summary=localized(photo, "alt_text", language),
                captions=joined(photo.credit, photo.source, photo.copyright),
            )
        )
    ]


def author_documents(ids):
    return [
        doc
        for author in Author.objects.filter(pk__in=ids)
        for language in LANGUAGE_CODES
        if (
            doc := document(
                Kind.AUTHOR,
                author.pk,
                language,
                headline=localized(author, "display_name", language),
                captions=joined(author.sort_name, author.slug),
            )
        )
    ]


BUILDERS = {
    Kind.STORY: story_documents,
    Kind.PHOTO: photo_documents,
    Kind.AUTHOR: author_documents,
}
