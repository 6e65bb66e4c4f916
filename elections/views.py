"""Public results pages, in every language; errors are plain 404s."""

from django.http import Http404
from django.shortcuts import render
from django.views.decorators.http import require_safe

from articles.languages import current_language, localized
from articles.page_cache import cache_public_page
from elections import presentation, totals
from elections.figures import figure_rows
from elections.http import with_etag
from elections.labels import labels_for, when
from elections.locations import stories_about
from elections.models import Election, Province


def election_page(request, election, elections, language):
    rows = totals.province_rows(election)
    return render(
        request,
        "elections/election.html",
        {
            "language": language,
            "labels": labels_for(language),
            "election": election,
            "name": localized(election, "name", language, fallback=True),
            "elections": [
                {
                    "name": localized(e, "name", language, fallback=True),
                    "url": e.get_absolute_url(language),
                    "current": e.pk == election.pk,
                }
                for e in elections
            ],
            "chart": presentation.seat_chart(
                totals.national_totals(election), language
            ),
            "table": presentation.table_rows(rows, language),
            "map": presentation.province_map(rows, language),
            "legend": presentation.legend(rows, language),
            **last_updated(totals.last_updated(election=election), language),
        },
    )


@require_safe
@with_etag
@cache_public_page
def results_index(request):
    """The latest election that has results."""
    language = current_language()
    elections = totals.elections_with_results()
    if not elections:
        raise Http404("No election has results yet.")
    return election_page(request, elections[0], elections, language)


@require_safe
@with_etag
@cache_public_page
def election_detail(request, slug):
    language = current_language()
    elections = totals.elections_with_results()
    election = next((e for e in elections if e.slug == slug), None)
    if election is None:
        election = Election.objects.filter(slug=slug).first()
        if election is None:
            raise Http404("No election at this address.")
    return election_page(request, election, elections, language)


@require_safe
@with_etag
@cache_public_page
def province_detail(request, slug):
    language = current_language()
    province = Province.objects.filter(slug=slug).first()
    if province is None:
        raise Http404("No province at this address.")
    return render(
        request,
        "elections/province.html",
        {
            "language": language,
            "labels": labels_for(language),
            "province": province,
            "name": localized(province, "name", language, fallback=True),
            "history": presentation.history_view(
                totals.province_history(province), language
            ),
            "figures": figure_rows(province, language),
            "stories": stories_about(province, language),
            **last_updated(totals.last_updated(province=province), language),
        },
    )


def last_updated(moment, language):
    """The "last updated" line's words, and its moment for <time datetime>
    (whole seconds: HTML allows at most three digits of a fraction)."""
    return {
        "updated": when(moment, language),
        "updated_at": moment.replace(microsecond=0) if moment else None,
    }
