"""The front page and series pages of each language."""

from django.http import Http404
from django.shortcuts import render
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_safe

from articles.languages import LANGUAGE_CODES, current_language, localized
from articles.listing_views import list_context, render_list
from articles.models import Article
from articles.page_cache import cache_public_page, for_readers, kept_with_main
from articles.rendering import markdown_to_safe_html
from frontpage.curation import front_page
from frontpage.models import CreditsBlock, Series
from people.models import Quote
from people.presentation import quote_cards

# The archive's front page ribbon: the newest quote cards (people.Quote) of
# their own; a quote shown with a photo inside its story stays there.
QUOTE_RIBBON_SIZE = 4


@require_safe
@cache_public_page
def front(request):
    language = current_language()
    context = for_readers(
        request, f"front:{language}", lambda: front_context(request, language)
    )
    return render(request, "frontpage/front.html", context)


def front_context(request, language):
    """Everything the front page shows, its rails rendered: kept per content version."""
    context = {
        **front_page(language),
        "language": language,
        "feeds": True,
        "quote_ribbon": quote_cards(
            language,
            Quote.objects.filter(photo_number=None).order_by("-pk")[:QUOTE_RIBBON_SIZE],
        ),
    }
    kept = kept_with_main(request, "frontpage/front_main.html", context)
    kept["has_quote_ribbon"] = bool(context["quote_ribbon"])
    return kept


@require_safe
@cache_public_page
def series_page(request, slug):
    """A series' published parts in the editors' order, paginated."""
    language = current_language()

    def build():
        series = Series.objects.filter(slug=slug).first()
        if series is None:
            raise Http404("No series at this address.")
        parts = (
            Article.objects.published(language)
            .filter(series_parts__series=series)
            .select_related("section")
            .order_by("series_parts__position", "pk")
        )
        return list_context(
            request,
            language,
            parts,
            {
                "title": localized(series, "title", language, fallback=True),
                "description": localized(series, "description", language),
                "template_class": "series-page",
            },
            {code: series.get_absolute_url(code) for code in LANGUAGE_CODES},
        )

    return render_list(request, f"series:{slug}", build)


@require_safe
@cache_public_page
def credits_page(request):
    """The project credits in the page's language: one query, no date."""
    language = current_language()
    blocks = [
        {
            "id": f"credits-{block.slug}",
            "title": localized(block, "title", language),
            # sanitised by nh3 in markdown_to_safe_html
            "body": mark_safe(  # noqa: S308
                markdown_to_safe_html(localized(block, "body", language))
            ),
        }
        for block in CreditsBlock.objects.all()
        if block.is_public_in(language)
    ]
    return render(
        request,
        "frontpage/credits.html",
        {"language": language, "blocks": blocks},
    )
