"""The live story's parts of the article page, through articles' panel seam.

For any other story both panels render nothing and cost no query; a live
story's entries cost a fixed number of queries whatever their number.
"""

from django.urls import reverse
from django.utils.translation import override

from articles.models import Layout
from articles.panels import Panel
from live.presentation import (
    clock_digits,
    entries_for_page,
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
    entries = list(entries_for_page(article.pk, language))
    last = max((entry.updated_at for entry in entries), default=None)
    with override(language):
        endpoint = reverse("live:entries", kwargs={"story_id": article.pk})
    return {
        "live": True,
        "language": language,
        "labels": labels(language),
        "digits": clock_digits(language),
        "entries": [render_entry(entry, language) for entry in entries],
        "endpoint": endpoint,
        "cursor": last.isoformat() if last else "",
        "etag": state_etag(article.pk, language, (last, len(entries))),
        "page_url": article.get_absolute_url(language),
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
)
