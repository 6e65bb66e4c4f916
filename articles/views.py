"""Public pages. What readers may see is decided by Article.objects.published()."""

import copy

from django.conf import settings
from django.db.models import Q
from django.http import Http404, HttpResponsePermanentRedirect
from django.shortcuts import render
from django.views.decorators.http import require_safe

from articles.labels import language_switch
from articles.languages import (
    LANGUAGE_CODES,
    current_language,
    fallback_order,
    field_name,
    language_label,
    other_languages,
    per_language,
)
from articles.models import Article, ImportedPost
from articles.page_cache import cache_public_page, for_readers
from articles.panels import render_panels
from articles.presentation import article_page_context
from articles.story_pages import story_extras, story_template

# The wide texts of every language, rendered into the story page's context.
LEAN_FIELDS = [
    f"{name}{suffix}"
    for name in ("body", "body_html")
    for suffix in ("", *(f"_{code}" for code in LANGUAGE_CODES))
]


@require_safe
@cache_public_page
def article_detail(request, section_slug, slug):
    language = current_language()
    context = for_readers(
        request,
        f"story:{language}:{section_slug}:{slug}",
        lambda: story_page_context(language, section_slug, slug),
    )
    if context is None:
        moved = moved_to(language, section_slug, slug)
        if moved:
            return HttpResponsePermanentRedirect(moved)
        raise Http404("No published story at this address in this language.")
    return render(request, context["templates"], context)


def section_match(language, section_slug, prefix=""):
    """The address's section slug, in this language or the one Section.url_slug
    falls back to (`prefix`: the lookup path to the story, e.g. "article__")."""
    match = Q()
    for code in fallback_order(language):
        match |= Q(**{f"{prefix}section__{field_name('slug', code)}": section_slug})
    return match


def moved_to(language, section_slug, slug):
    """Where a story that became a person, party or card now lives, or None.

    The importer withdraws a story it made of posts an upper app now takes
    over and keeps its import rows pointing at it, with the new address.
    """
    return (
        ImportedPost.objects.filter(
            section_match(language, section_slug, "article__"),
            language=language,
            article__slug=slug,
        )
        .exclude(redirect_to="")
        .values_list("redirect_to", flat=True)
        .first()
    )


def story_page_context(language, section_slug, slug):
    """What the story page at this address shows; None when nothing is public there."""
    article = (
        Article.objects.published(language)
        .for_page()
        .filter(section_match(language, section_slug), slug=slug)
        .first()
    )
    if article is None:
        return None
    context = article_page_context(article, language)
    context["translations"] = [
        {
            "language": other,
            "url": article.get_absolute_url(other),
            "read_label": per_language(
                settings.NEWSROOM["READ_IN_LABEL"], language
            ).format(language=language_label(other, language)),
        }
        for other in other_languages(language)
        if article.is_published_in(other)
    ]
    context["panels"] = render_panels(article, language)
    context.update(story_extras(article, language, context["body"]))
    context["language_switch"] = language_switch(
        language, {t["language"]: t["url"] for t in context["translations"]}
    )
    context["templates"] = story_template(article.layout)
    return lean(context)


def lean(context):
    """The context without what its templates never read again, so a kept copy
    is small: the rendered texts (in the context already) and the prefetches.
    A template that still reads one of them gets it lazily from the database.
    """
    article = copy.copy(context["article"])
    article._prefetched_objects_cache = {}
    for name in LEAN_FIELDS:
        article.__dict__.pop(name, None)
    for figure in (context["hero"], context["mugshot"]):
        if figure:
            figure["placement"] = copy.copy(figure["placement"])
            figure["placement"]._state = copy.copy(figure["placement"]._state)
            figure["placement"]._state.fields_cache = {"photo": figure["photo"]}
    return {**context, "article": article}
