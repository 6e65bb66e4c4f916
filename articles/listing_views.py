"""Reader lists: section, tag and author pages, paginated newest first.

Each page is one count and one slice of Article.objects.published(language),
plus two queries for the cards' photos, whatever the number of stories; what
a page shows is kept per content version (for_readers), so a list page the
page cache does not hold runs no query.
"""

from django.db.models import Q
from django.http import Http404
from django.shortcuts import render
from django.views.decorators.http import require_safe
from taggit.models import Tag

from articles.cards import cards, newest_first, paginate
from articles.labels import label, language_switch, tag_url
from articles.languages import (
    LANGUAGE_CODES,
    current_language,
    fallback_order,
    field_name,
    localized,
)
from articles.models import Article, Author, Section
from articles.page_cache import cache_public_page, for_readers, kept_with_main
from media_assets.models import rendition_prefetch


def page_summary(page):
    """What the list template reads of a page: plain values, so it can be kept
    (a Page carries its queryset, which pickling would run in full)."""
    return {
        "number": page.number,
        "num_pages": page.paginator.num_pages,
        "previous": page.previous_page_number() if page.has_previous() else None,
        "next": page.next_page_number() if page.has_next() else None,
    }


def list_context(request, language, stories, page_context, urls, allow_empty=True):
    """The list page's context for `stories` (ordered, with their section
    selected), its main part rendered.

    `page_context` gives the title, description and extras; `urls` the same
    page in each language, for the language switch.
    """
    page = paginate(request, stories, allow_empty)
    context = {
        "language": language,
        "page": page_summary(page),
        "cards": cards(page.object_list, language),
        "page_label": label(
            "page_of", language, number=page.number, total=page.paginator.num_pages
        ),
        "language_switch": language_switch(language, urls),
        **page_context,
    }
    return kept_with_main(request, "articles/story_list_main.html", context)


def render_list(request, name, build):
    """Render the list whose context `build()` makes (raising Http404 when
    nothing is there), kept for readers per page number under `name`, which
    must cover the address."""
    number = request.GET.get("page") or "1"
    if not number.isdigit():
        raise Http404("No such page of stories.")
    context = for_readers(
        request, f"list:{current_language()}:{name}:{int(number)}", build
    )
    return render(request, "articles/story_list.html", context)


def section_by_slug(section_slug, language):
    match = Q()
    for code in fallback_order(language):
        match |= Q(**{field_name("slug", code): section_slug})
    return Section.objects.filter(match).first()


@require_safe
@cache_public_page
def section_page(request, section_slug):
    language = current_language()

    def build():
        section = section_by_slug(section_slug, language)
        if section is None:
            raise Http404("No section at this address.")
        stories = Article.objects.published(language).filter(section=section)
        return list_context(
            request,
            language,
            newest_first(stories, language),
            {
                "title": localized(section, "name", language, fallback=True),
                "description": localized(section, "description", language),
                "feeds": True,
            },
            {code: section.get_absolute_url(code) for code in LANGUAGE_CODES},
        )

    return render_list(request, f"section:{section_slug}", build)


@require_safe
@cache_public_page
def tag_page(request, slug):
    language = current_language()

    def build():
        tag = Tag.objects.filter(slug=slug).first()
        if tag is None:
            raise Http404("No tag at this address.")
        stories = Article.objects.published(language).filter(tags=tag)
        return list_context(
            request,
            language,
            newest_first(stories, language),
            {"title": label("tag", language, tag=tag.name), "description": ""},
            {code: tag_url(tag.slug, code) for code in LANGUAGE_CODES},
        )

    return render_list(request, f"tag:{slug}", build)


@require_safe
@cache_public_page
def author_detail(request, slug):
    """An author's photo, role, bio and published stories in this language."""
    language = current_language()

    def build():
        author = (
            Author.objects.filter(slug=slug)
            .select_related("photo")
            .prefetch_related(rendition_prefetch("photo__renditions"))
            .first()
        )
        if author is None:
            raise Http404("No author at this address.")
        stories = Article.objects.published(language).filter(bylines__author=author)
        return list_context(
            request,
            language,
            newest_first(stories.distinct(), language),
            {
                "title": localized(author, "display_name", language, fallback=True),
                "description": localized(author, "bio", language),
                "role": localized(author, "role", language),
                "portrait": author.photo,
                "template_class": "author-page",
            },
            {code: author.get_absolute_url(code) for code in LANGUAGE_CODES},
            allow_empty=False,
        )

    return render_list(request, f"author:{slug}", build)
