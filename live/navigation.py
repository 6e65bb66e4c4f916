"""Live coverage in the reader site's navigation (frontpage's seam).

The link leads to the newest live story published in the page's language,
through its short address /<lang>/live/<story>/.
"""

from django.conf import settings
from django.urls import reverse
from django.utils.translation import override

from articles.cards import newest_first
from articles.languages import per_language
from articles.models import Article, Layout
from frontpage.navigation_pages import NavigationPage, Place


def live_stories(language):
    published = Article.objects.published(language).filter(layout=Layout.LIVE)
    return newest_first(published, language)


def newest_live_story_url(language, pk):
    with override(language):
        return reverse("live:story", kwargs={"story_id": pk})


LIVE = NavigationPage(
    key="live",
    name="Live coverage (the newest live story)",
    label=lambda language: per_language(settings.NEWSROOM["LIVE_LABELS"], language)[
        "heading"
    ],
    content=live_stories,
    url=newest_live_story_url,
    place=Place.NAVIGATION,
    position=90,
)
