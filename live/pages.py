"""Older entries of a long live story, and each entry's own address.

The story page shows the first page of entries (presentation.PAGE_SIZE);
`/<lang>/live/<story>/page/<n>/` shows the next ones, linked rel=next and
rel=prev, without JavaScript. `/<lang>/live/entry/<id>/` sends a shared link
to the page that holds the entry now, at its `#entry-<id>`: entries move to
older pages as newer ones are posted.
"""

from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_safe

from articles.dates import khmer_digits
from articles.labels import language_switch
from articles.languages import current_language, localized, other_languages
from articles.models import Article, Layout
from articles.page_cache import cache_public_page
from live.models import LiveEntry
from live.presentation import entry_page, labels, page_number, render_entry

# Far beyond any story's entries; keeps the OFFSET a number every database takes.
MAX_PAGE = 100_000


def published_live_stories(language):
    return Article.objects.published(language).filter(layout=Layout.LIVE)


def page_url(story, language, number):
    """The address of page `number` of the story's entries in `language`."""
    if number <= 1:
        return story.get_absolute_url(language)
    return reverse("live:page", kwargs={"story_id": story.pk, "number": number})


@require_safe
@cache_public_page
def older_entries(request, story_id, number):
    language = current_language()
    story = (
        published_live_stories(language)
        .filter(pk=story_id)
        .select_related("section")
        .first()
    )
    if story is None or number > MAX_PAGE:
        raise Http404("No live story is published at this address.")
    if number < 2:
        return redirect(story.get_absolute_url(language))
    page = entry_page(story.pk, language, number)
    if not page.entries:
        raise Http404("This live story has fewer pages of entries.")
    words = labels(language)
    newer = page_url(story, language, number - 1)
    older = page_url(story, language, number + 1) if number < page.pages else ""
    return render(
        request,
        "live/older.html",
        {
            "language": language,
            "title": localized(story, "title", language),
            "story_url": story.get_absolute_url(language),
            "live_labels": words,
            "page_label": words["page"].format(
                number=number_text(number, language),
                pages=number_text(page.pages, language),
            ),
            "entries": [render_entry(entry, language) for entry in page.entries],
            "newer_url": newer,
            "older_url": older,
            "language_switch": language_switch(
                language,
                {
                    other: story.get_absolute_url(other)
                    for other in other_languages(language)
                    if story.is_published_in(other)
                },
            ),
        },
    )


def number_text(number, language):
    return khmer_digits(str(number)) if language == "km" else str(number)


@require_safe
def entry_permalink(request, entry_id):
    """302 to the page holding the entry now, at its anchor. Two queries."""
    language = current_language()
    entry = (
        LiveEntry.objects.in_language(language)
        .filter(pk=entry_id, story__in=published_live_stories(language))
        .select_related("story__section")
        .first()
    )
    if entry is None:
        raise Http404("No entry of a published live story has this number.")
    number = page_number(entry, language)
    return redirect(f"{page_url(entry.story, language, number)}#{entry.anchor()}")
