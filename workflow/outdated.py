"""'Translation out of date': which source fields changed since translating.

When a language's title, summary or body is saved, the other language's
title, summary and body are stored as the base that translation was made
from. If the other language is published and its text now differs from that
base, the translation is out of date in exactly those fields.
"""

from django.db.models import Exists, OuterRef, Q, TextField, Value
from django.db.models.fields.json import KT
from django.db.models.functions import Coalesce
from django.db.models.lookups import Exact

from articles.languages import (
    LANGUAGE_CODES,
    field_name,
    localized,
    other_languages,
)
from articles.models import Status
from workflow.models import TranslationBase

TRACKED = ("title", "summary", "body")
TEXT = TextField()


def source_text(article, language):
    return {name: localized(article, name, language) or "" for name in TRACKED}


def record_bases(article, languages):
    """The versions in `languages` were (re)translated now: remember the source."""
    for language in languages:
        for source in other_languages(language):
            TranslationBase.objects.update_or_create(
                article=article,
                language=language,
                defaults={
                    "source_language": source,
                    "source": source_text(article, source),
                },
            )


def edited_languages(changed_fields):
    """Languages whose tracked text is among a form's changed fields."""
    return [
        code
        for code in LANGUAGE_CODES
        if any(field_name(name, code) in changed_fields for name in TRACKED)
    ]


def changed_since_translation(article, language):
    """Source fields changed since `language` was translated ([] if up to date).

    Uses the prefetch cache when the caller prefetched "translation_bases".
    """
    base = next(
        (b for b in article.translation_bases.all() if b.language == language), None
    )
    if base is None:
        return []
    source = base.source_language
    if localized(article, "status", source) != Status.PUBLISHED:
        return []
    current = source_text(article, source)
    return [name for name in TRACKED if current[name] != base.source.get(name, "")]


def out_of_date(language):
    """changed_since_translation(story, language) is not empty, as a filter.

    The same rule in SQL, for the translation desk: a base from a published
    source whose title, summary or body differs now ("" for a missing one).
    """
    bases = TranslationBase.objects.filter(
        article=OuterRef("pk"), language=language
    ).annotate(
        **{
            f"base_{name}": Coalesce(
                KT(f"source__{name}"), Value(""), output_field=TEXT
            )
            for name in TRACKED
        }
    )
    stale = Q(pk__in=[])
    for source in LANGUAGE_CODES:
        changed = Q(pk__in=[])
        for name in TRACKED:
            now = Coalesce(
                OuterRef(field_name(name, source)), Value(""), output_field=TEXT
            )
            changed |= ~Q(**{f"base_{name}": now})
        published = Exact(OuterRef(field_name("status", source)), Status.PUBLISHED)
        stale |= Q(source_language=source) & published & changed
    return Exists(bases.filter(stale))
