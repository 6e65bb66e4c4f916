"""The results pages in the reader site's navigation (frontpage's seam)."""

from django.urls import reverse
from django.utils.translation import override

from articles.languages import per_language
from elections.labels import LABELS
from elections.models import Election
from frontpage.navigation_pages import NavigationPage, Place


def results_url(language, _pk):
    with override(language):
        return reverse("elections:index")


RESULTS = NavigationPage(
    key="results",
    name="Election results (/results/)",
    label=lambda language: per_language(LABELS["results"], language),
    # What /<lang>/results/ shows: the elections that have results.
    content=lambda language: Election.objects.filter(results__isnull=False),
    url=results_url,
    place=Place.NAVIGATION,
    position=100,
)
