"""Public pages. What readers may see is decided by Article.objects.published()."""

from django.conf import settings
from django.db.models import Q
from django.http import Http404
from django.shortcuts import render
from django.views.decorators.http import require_safe

from articles.labels import language_switch
from articles.languages import (
    current_language,
    fallback_order,
    field_name,
    language_label,
    other_languages,
    per_language,
)
from articles.models import Article
from articles.page_cache import cache_public_page
from articles.panels import render_panels
from articles.presentation import article_page_context
from articles.story_pages import story_extras, story_template


@require_safe
@cache_public_page
def article_detail(request, section_slug, slug):
    language = current_language()
    # The address's section slug, in this language or the one Section.url_slug
    # falls back to.
    section_match = Q()
    for code in fallback_order(language):
        section_match |= Q(**{f"section__{field_name('slug', code)}": section_slug})
    article = (
        Article.objects.published(language)
        .for_page()
        .filter(section_match, slug=slug)
        .first()
    )
    if article is None:
        raise Http404("No published story at this address in this language.")
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
    return render(request, story_template(article.layout), context)
