"""The live story's parts of the article page, through articles' panel seam.

For any other story both panels render nothing and cost no query; a live
story's entries cost a fixed number of queries whatever their number.
"""

from django.urls import reverse
from django.utils.translation import override

from articles.models import Layout
from articles.panels import Panel
from live.presentation import (
    change_cursor,
    clock_digits,
    entry_page,
    labels,
    render_entry,
    state_etag,
)


def is_live(article):
    return article.layout == Layout.LIVE


def head_context(article, language):
    return {"live": is_live(article)}


def entries_context(article, language):
    if not is_live(article):
        return {"live": False}
    page = entry_page(article.pk, language)
    with override(language):
        endpoint = reverse("live:entries", kwargs={"story_id": article.pk})
        # "/<lang>/live/entry/": live.js adds an entry's id to find its page.
        entry_base = reverse("live:entry", kwargs={"entry_id": 0}).removesuffix("0/")
        older = (
            reverse("live:page", kwargs={"story_id": article.pk, "number": 2})
            if page.pages > 1
            else ""
        )
    return {
        "live": True,
        "language": language,
        "labels": labels(language),
        "digits": clock_digits(language),
        "entries": [render_entry(entry, language) for entry in page.entries],
        "endpoint": endpoint,
        "entry_base": entry_base,
        "cursor": change_cursor(page.last_change),
        "etag": state_etag(article.pk, language, page.state),
        "page_url": article.get_absolute_url(language),
        "page": page,
        "older_url": older,
    }


LIVE_HEAD = Panel(
    name="live.head",
    slot="head",
    template="live/head.html",
    context=head_context,
)
LIVE_ENTRIES = Panel(
    name="live.entries",
    slot="after_body",
    template="live/entries.html",
    context=entries_context,
    order=10,  # right after the story's body, before onward links and sharing
)
